package org.kontor.testkit.registry;

import java.util.Objects;
import org.kontor.api.outcome.OutcomeStatus;

/**
 * How {@link TableRegistry} reacts to the next billable command for a domain.
 *
 * @param answer   what the command itself returns
 * @param performs whether the registry actually does it (creates, renews, restores, transfers)
 * @param later    what {@code status()} answers afterwards under the command's key; null: the registry never
 *                 saw the command ("no such operation")
 */
public record Reaction(OutcomeStatus answer, boolean performs, OutcomeStatus later, String code, String message) {

    public Reaction {
        Objects.requireNonNull(answer, "answer");
    }

    /** Done and said so: the normal case. */
    public static Reaction processed() {
        return new Reaction(OutcomeStatus.PROCESSED, true, OutcomeStatus.PROCESSED, "1000", "Command completed successfully");
    }

    /** Refused for good, e.g. {@code refused("2104", "Billing failure")}. */
    public static Reaction refused(String code, String message) {
        return new Reaction(OutcomeStatus.ERROR, false, OutcomeStatus.ERROR, code, message);
    }

    /** Done at the registry, but the answer was lost (a time-out): UNDEFINED now, PROCESSED when asked. */
    public static Reaction answerLost() {
        return new Reaction(OutcomeStatus.UNDEFINED, true, OutcomeStatus.PROCESSED, "1000", "Command completed successfully");
    }

    /** The command never reached the registry: UNDEFINED now, "no such operation" when asked. */
    public static Reaction notReached() {
        return new Reaction(OutcomeStatus.UNDEFINED, false, null, null, "connection reset");
    }

    /** Accepted for a later decision (the .dk registry's 1001) until {@link TableRegistry#decide} is called. */
    public static Reaction pending() {
        return new Reaction(OutcomeStatus.PENDING, false, OutcomeStatus.PENDING, "1001", "Command completed successfully; action pending");
    }
}
