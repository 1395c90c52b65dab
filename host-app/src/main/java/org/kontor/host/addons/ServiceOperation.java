package org.kontor.host.addons;

import java.time.Instant;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.OutcomeStatus;

/**
 * One call to a provisioner under its key, as recorded.
 *
 * @param state           OPEN (to be sent, again with the same key after an UNDEFINED answer), PENDING (its status is
 *                        asked), COMPLETED or FAILED
 * @param attempts        how often it was sent or asked
 * @param outcomeStatus   the last answer, or null before the first
 * @param targetProductId a change of plan's new product, else null
 */
public record ServiceOperation(IdempotencyKey key, String serviceId, ServiceAct action, int seq, String reason,
                               String targetProductId, State state, int attempts, Instant nextAttemptAt,
                               OutcomeStatus outcomeStatus, String outcomeCode, String outcomeMessage,
                               String remoteReference, Instant createdAt, Instant updatedAt) {

    /** Where an operation stands. */
    public enum State {
        OPEN, PENDING, COMPLETED, FAILED;

        public boolean isFinal() {
            return this == COMPLETED || this == FAILED;
        }
    }

    /** The key of an operation: {@code svc:<service id>:<action>:<seq>}. */
    public static IdempotencyKey keyOf(String serviceId, ServiceAct action, int seq) {
        return IdempotencyKey.derive("svc", serviceId, action.wire(), Integer.toString(seq));
    }
}
