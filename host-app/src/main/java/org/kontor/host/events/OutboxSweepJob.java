package org.kontor.host.events;

import java.time.Duration;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;

/** The host job that retries due deliveries and picks up events whose after-commit hand-over was lost. */
public final class OutboxSweepJob implements ScheduledJob {

    private final EventDispatcher dispatcher;
    private final Duration interval;

    public OutboxSweepJob(EventDispatcher dispatcher, Duration interval) {
        this.dispatcher = dispatcher;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "event-outbox";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(interval);
    }

    @Override
    public Duration lease() {
        return Duration.ofMinutes(5);
    }

    @Override
    public void run(JobRun run) {
        dispatcher.dispatchPending();
    }
}
