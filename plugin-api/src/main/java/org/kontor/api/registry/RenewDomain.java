package org.kontor.api.registry;

import java.time.LocalDate;
import java.util.Objects;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.outcome.IdempotencyKey;

/**
 * Renews a domain. EPP requires the current expiry date so that a repeated renew cannot add a second period.
 */
public record RenewDomain(IdempotencyKey key, DomainName name, LocalDate currentExpiry, Period period) {

    public RenewDomain {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currentExpiry, "currentExpiry");
        Objects.requireNonNull(period, "period");
    }

    public static RenewDomain of(IdempotencyKey key, DomainName name, LocalDate currentExpiry, Period period) {
        return new RenewDomain(key, name, currentExpiry, period);
    }
}
