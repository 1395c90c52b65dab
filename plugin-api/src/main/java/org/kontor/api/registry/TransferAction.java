package org.kontor.api.registry;

import java.util.Objects;
import org.kontor.api.domain.DomainName;
import org.kontor.api.outcome.IdempotencyKey;

/** Acts on a pending transfer: query its state, approve or reject it (losing side), cancel it (gaining side). */
public record TransferAction(IdempotencyKey key, DomainName name, Operation operation) {

    /** The EPP transfer operations other than {@code request}. */
    public enum Operation {
        QUERY, APPROVE, REJECT, CANCEL
    }

    public TransferAction {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(operation, "operation");
    }

    public static TransferAction of(IdempotencyKey key, DomainName name, Operation operation) {
        return new TransferAction(key, name, operation);
    }
}
