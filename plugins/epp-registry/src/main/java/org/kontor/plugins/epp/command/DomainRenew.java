package org.kontor.plugins.epp.command;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Renews a domain. The current expiry date guards against renewing twice.
 *
 * @param period the renewal period, or null for the registry's default
 */
public record DomainRenew(String name, LocalDate currentExpiryDate, Period period) implements EppCommand {

    public DomainRenew {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currentExpiryDate, "currentExpiryDate");
    }
}
