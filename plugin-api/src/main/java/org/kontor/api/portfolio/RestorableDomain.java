package org.kontor.api.portfolio;

import java.time.Instant;
import java.util.Objects;
import org.kontor.api.money.Money;

/**
 * A domain of the customer that can be restored now (see {@link PortfolioDomain#restorable()}).
 *
 * @param restoreBy when the registry deletes it for good unless it is restored, or null when not known
 * @param price     what {@link DomainPortfolio#restore} holds and captures in the currency asked for, or null
 *                  when the operator has set no restore price
 * @since 1.1.0
 */
public record RestorableDomain(PortfolioDomain domain, Instant restoreBy, Money price) {

    public RestorableDomain {
        Objects.requireNonNull(domain, "domain");
    }
}
