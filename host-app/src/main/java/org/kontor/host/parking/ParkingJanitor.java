package org.kontor.host.parking;

import java.time.Duration;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;

/**
 * Settles parkings a provider has not confirmed (it answered late or not at all) and those a host stopped in the
 * middle of, by sending their steps again under the same idempotency keys (see {@link DomainParking#settle}).
 */
public final class ParkingJanitor implements ScheduledJob {

    private static final int BATCH = 100;

    private final DomainParking parking;
    private final Duration grace;
    private final Duration interval;

    /** @param grace how long a parking is left alone first, longer than any provider call may take */
    public ParkingJanitor(DomainParking parking, Duration grace, Duration interval) {
        this.parking = parking;
        this.grace = grace;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "parking-janitor";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(interval);
    }

    @Override
    public void run(JobRun run) {
        parking.settle(grace, BATCH);
    }
}
