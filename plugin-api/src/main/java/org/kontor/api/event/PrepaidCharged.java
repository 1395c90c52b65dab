package org.kontor.api.event;

import java.time.Instant;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;

/**
 * A payment was drawn from a prepaid account, with the tax data the monthly settlement invoice lists.
 *
 * @param domain the domain it paid for, or null
 * @param period the period bought, or null
 */
public record PrepaidCharged(String accountId, String ownerId, String entryId, ChargeKind kind, DomainName domain,
                             Period period, Money amount, Money net, Money tax, Instant chargedAt) implements Event {
}
