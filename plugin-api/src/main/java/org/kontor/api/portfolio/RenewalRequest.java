package org.kontor.api.portfolio;

import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.outcome.IdempotencyKey;

/**
 * Renews one domain of a customer, paid from a funding source.
 *
 * @param key             names the renewal, its hold and its registry command; the same key renews once
 * @param fundingSourceId the {@link org.kontor.api.funding.FundingSource#sourceId()} that pays
 * @param currency        the currency the funding source pays in; the price is looked up in it
 * @param expectedExpiry  the expiry the caller saw, or null; when given and the domain's expiry has moved on
 *                        (someone renewed it meanwhile), the renewal is refused as {@code expiry-changed}
 * @since 1.1.0
 */
public record RenewalRequest(IdempotencyKey key, String customerId, DomainName name, Period period,
                             String fundingSourceId, Currency currency, Instant expectedExpiry) {

    public RenewalRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(fundingSourceId, "fundingSourceId");
        Objects.requireNonNull(currency, "currency");
    }

    /** A one-year renewal. */
    public static RenewalRequest oneYear(IdempotencyKey key, String customerId, DomainName name, String fundingSourceId,
                                         Currency currency, Instant expectedExpiry) {
        return new RenewalRequest(key, customerId, name, Period.years(1), fundingSourceId, currency, expectedExpiry);
    }
}
