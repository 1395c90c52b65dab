package org.kontor.host.provisioning;

import java.util.Objects;
import org.kontor.api.funding.FundingRequest;
import org.kontor.api.money.Money;

/**
 * A domain operation to perform and pay from a funding source.
 *
 * @param fundingSourceId the {@link org.kontor.api.funding.FundingSource#sourceId()} to pay from
 * @param amount          the gross price the customer pays
 */
public record DomainOperationRequest(String customerId, String fundingSourceId, Money amount, RegistryCommand command) {

    public DomainOperationRequest {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(fundingSourceId, "fundingSourceId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(command, "command");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount: must be positive, was " + amount);
        }
    }

    /** The hold for this operation, under the operation's key. */
    FundingRequest fundingRequest() {
        return FundingRequest.domain(command.key(), customerId, command.kind(), amount, command.domain(), command.period());
    }
}
