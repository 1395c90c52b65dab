package org.kontor.host.security;

import java.time.Duration;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;

/**
 * The host job that deletes browser sessions that are over, sign-in failures too old to count, and whatever else
 * {@code alsoSweep} forgets (expired password reset tokens).
 */
public final class SessionSweepJob implements ScheduledJob {

    private final WebSessions sessions;
    private final LoginThrottle throttle;
    private final Duration interval;
    private final Runnable alsoSweep;

    public SessionSweepJob(WebSessions sessions, LoginThrottle throttle, Duration interval, Runnable alsoSweep) {
        this.sessions = sessions;
        this.throttle = throttle;
        this.interval = interval;
        this.alsoSweep = alsoSweep;
    }

    @Override
    public String name() {
        return "web-session-sweep";
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
        sessions.deleteExpired();
        throttle.forgetOld();
        alsoSweep.run();
    }
}
