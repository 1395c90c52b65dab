package org.kontor.api.event;

import java.time.Instant;
import org.kontor.api.money.Money;

/**
 * The registrar's available credit at a registry fell to or below its low-balance threshold; published once
 * per crossing (again only after it has been above the threshold in between).
 *
 * @since 1.1.0
 */
public record RegistryBalanceLow(String registryId, Money availableCredit, Money lowBalanceThreshold, Instant checkedAt)
        implements Event {
}
