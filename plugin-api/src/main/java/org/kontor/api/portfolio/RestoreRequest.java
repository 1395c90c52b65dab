package org.kontor.api.portfolio;

import java.util.Currency;
import java.util.Objects;
import org.kontor.api.domain.DomainName;
import org.kontor.api.outcome.IdempotencyKey;

/**
 * Restores one domain of a customer from redemption (deleted for non-payment or expiry, still restorable),
 * paid from a funding source at the host's restore price.
 *
 * @param key             names the restore, its hold and its registry command; the same key restores once
 * @param fundingSourceId the {@link org.kontor.api.funding.FundingSource#sourceId()} that pays
 * @param currency        the currency the funding source pays in; the price is looked up in it
 * @since 1.1.0
 */
public record RestoreRequest(IdempotencyKey key, String customerId, DomainName name, String fundingSourceId,
                             Currency currency) {

    public RestoreRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fundingSourceId, "fundingSourceId");
        Objects.requireNonNull(currency, "currency");
    }
}
