package org.kontor.host.provisioning;

import java.util.Objects;
import org.kontor.api.funding.FundingRequest;
import org.kontor.api.money.Money;

/**
 * A domain operation to perform and pay from a funding source.
 *
 * @param fundingSourceId the {@link org.kontor.api.funding.FundingSource#sourceId()} to pay from
 * @param amount          the gross price the customer pays; zero for an operation given free of charge (a voucher
 *                        that covers the whole price), for which nothing is held or captured
 */
public record DomainOperationRequest(String customerId, String fundingSourceId, Money amount, RegistryCommand command) {

    public DomainOperationRequest {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(fundingSourceId, "fundingSourceId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(command, "command");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount: must not be negative, was " + amount);
        }
    }

    /** The hold for this operation, under the operation's key. */
    FundingRequest fundingRequest() {
        return FundingRequest.domain(command.key(), customerId, command.kind(), amount, command.domain(), command.period());
    }
}
