package org.kontor.api.registry;

import java.util.Objects;
import org.kontor.api.domain.DomainName;
import org.kontor.api.outcome.IdempotencyKey;

/** Deletes a domain. */
public record DeleteDomain(IdempotencyKey key, DomainName name) {

    public DeleteDomain {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
    }
}
