package org.kontor.api.registry;

import java.time.Instant;
import java.util.Objects;
import org.kontor.api.domain.DomainName;

/**
 * A domain as created, renewed or restored: its new expiry is the figure the host bills and reminds from.
 *
 * @param expiresAt null only while the outcome is PENDING and the registry has not said
 */
public record DomainRegistration(DomainName name, Instant createdAt, Instant expiresAt, String registryReference) {

    public DomainRegistration {
        Objects.requireNonNull(name, "name");
    }

    public static DomainRegistration of(DomainName name, Instant createdAt, Instant expiresAt, String registryReference) {
        return new DomainRegistration(name, createdAt, expiresAt, registryReference);
    }
}
