package org.kontor.api.registry;

import java.util.Objects;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.outcome.IdempotencyKey;

/** Requests the transfer of a domain to this registrar; the period may be null where the registry adds none. */
public record TransferDomain(IdempotencyKey key, DomainName name, String authCode, Period period) {

    public TransferDomain {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        if (authCode == null || authCode.isBlank()) {
            throw new IllegalArgumentException("authCode: is required for a transfer");
        }
    }

    public static TransferDomain of(IdempotencyKey key, DomainName name, String authCode) {
        return new TransferDomain(key, name, authCode, null);
    }
}
