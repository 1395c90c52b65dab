package org.kontor.host.orders;

import java.time.Instant;
import java.util.List;
import org.kontor.api.domain.DomainName;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;

/**
 * A line of an order with its price, discount and state.
 *
 * @param launchPhase {@code sunrise} for a sunrise application, {@code pre-registration} for a queued one, or null
 * @param notBefore   when a pre-registration may be sent (the start of general availability), or null
 * @param operationKey the key of the line's hold and registry command
 */
public record OrderLine(String orderId, int lineNo, ItemKind kind, ChargeKind chargeKind, DomainName domain,
                        String productId, String description, int periodMonths, Money price, Money discount,
                        String holderContactId, List<String> nameservers, String authCodeSealed, String signedMark,
                        String launchPhase, Instant notBefore, IdempotencyKey operationKey, LineState state,
                        String message) {

    /** What the customer pays for the line. */
    public Money amountDue() {
        return price.minus(discount);
    }

    public String lineId() {
        return String.valueOf(lineNo);
    }
}
