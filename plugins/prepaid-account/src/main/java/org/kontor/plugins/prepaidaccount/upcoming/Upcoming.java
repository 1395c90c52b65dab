package org.kontor.plugins.prepaidaccount.upcoming;

import java.time.Instant;
import org.kontor.api.domain.DomainName;
import org.kontor.api.money.Money;

/**
 * One upcoming payment: a domain of the reseller due for renewal.
 *
 * @param price     what renewing it for a year draws from the account, or null when the operator set no price
 * @param autoRenew whether the domain is renewed automatically (the reseller chose automatic renewal and the
 *                  domain is not switched off)
 */
public record Upcoming(DomainName domain, Instant expiresAt, Money price, Instant issuedAt, Instant dueAt,
                       boolean autoRenew) {
}
