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
 * @param vat         the VAT charged on the line's net amount (zero when the order carries no VAT itself)
 */
public record OrderLine(String orderId, int lineNo, ItemKind kind, ChargeKind chargeKind, DomainName domain,
                        String productId, String description, int periodMonths, Money price, Money discount,
                        String holderContactId, List<String> nameservers, String authCodeSealed, String signedMark,
                        String launchPhase, Instant notBefore, IdempotencyKey operationKey, LineState state,
                        String message, Money vat) {

    /** The line's net amount: price less discount. */
    public Money net() {
        return price.minus(discount);
    }

    /** What the customer pays for the line: net plus VAT. */
    public Money amountDue() {
        return net().plus(vat);
    }

    /** The same line with another discount and VAT. */
    OrderLine withDiscountAndVat(Money newDiscount, Money newVat) {
        return new OrderLine(orderId, lineNo, kind, chargeKind, domain, productId, description, periodMonths, price,
                newDiscount, holderContactId, nameservers, authCodeSealed, signedMark, launchPhase, notBefore,
                operationKey, state, message, newVat);
    }

    public String lineId() {
        return String.valueOf(lineNo);
    }
}
