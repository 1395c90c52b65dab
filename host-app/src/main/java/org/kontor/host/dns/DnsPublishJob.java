package org.kontor.host.dns;

import java.time.Duration;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;

/** Sends the zones the DNS provider has not taken yet (down, refused, a host stopped in between) again. */
public final class DnsPublishJob implements ScheduledJob {

    private static final int BATCH = 200;

    private final DnsZones zones;
    private final Duration interval;

    public DnsPublishJob(DnsZones zones, Duration interval) {
        this.zones = zones;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "dns-publish";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(interval);
    }

    @Override
    public void run(JobRun run) {
        zones.publishWaiting(BATCH);
    }
}
