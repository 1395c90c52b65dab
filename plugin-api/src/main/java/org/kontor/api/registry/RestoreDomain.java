package org.kontor.api.registry;

import java.util.Objects;
import org.kontor.api.domain.DomainName;
import org.kontor.api.outcome.IdempotencyKey;

/**
 * Restores a domain from its redemption grace period (RFC 3915). Registries that want the restore
 * report receive its text in {@code report}; others ignore it (it may be null).
 */
public record RestoreDomain(IdempotencyKey key, DomainName name, String report) {

    public RestoreDomain {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
    }
}
