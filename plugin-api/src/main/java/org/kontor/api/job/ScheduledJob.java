package org.kontor.api.job;

import java.time.Duration;
import org.pf4j.ExtensionPoint;

/**
 * Work that runs on a schedule: renewal reminders, poll queues, janitors, dunning. Runs are persistent
 * and leased, so with several hosts on one database each run happens once; a run that throws is logged
 * and the job runs again at its next time.
 */
public interface ScheduledJob extends ExtensionPoint {

    /** Unique within the plugin; the host stores it as {@code <plugin-id>:<name>}. */
    String name();

    Schedule schedule();

    /** How long one run may take before another host may take the job over. */
    default Duration lease() {
        return Duration.ofMinutes(10);
    }

    void run(JobRun run) throws Exception;
}
