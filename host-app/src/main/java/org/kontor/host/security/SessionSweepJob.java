package org.kontor.host.security;

import java.time.Duration;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;

/** The host job that deletes browser sessions that are over and sign-in failures too old to count. */
public final class SessionSweepJob implements ScheduledJob {

    private final WebSessions sessions;
    private final LoginThrottle throttle;
    private final Duration interval;

    public SessionSweepJob(WebSessions sessions, LoginThrottle throttle, Duration interval) {
        this.sessions = sessions;
        this.throttle = throttle;
        this.interval = interval;
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
    }
}
