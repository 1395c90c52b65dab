package org.kontor.host.orders;

import java.util.Collection;
import java.util.Currency;
import java.util.Optional;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.funding.FundingHold;
import org.kontor.api.funding.FundingRequest;
import org.kontor.api.funding.FundingSource;
import org.kontor.api.outcome.IdempotencyKey;

/**
 * The money of an order paid through a payment gateway, as a funding source for its domain operations: the
 * payment arrived before provisioning started, so every line of a paid order is "held" by its payment; a line
 * delivered is captured, a line that failed is released (and its amount owed back to the customer). The hold's
 * state is the line's state, so there is nothing to store twice. It is never offered at checkout.
 */
public final class OrderPaymentFunding implements FundingSource {

    public static final String SOURCE_ID = "order-payment";

    private final OrderStore orders;

    public OrderPaymentFunding(OrderStore orders) {
        this.orders = orders;
    }

    @Override
    public String sourceId() {
        return SOURCE_ID;
    }

    @Override
    public boolean covers(String customerId, Collection<ChargeKind> kinds, Currency currency) {
        return false;
    }

    @Override
    public FundingHold hold(FundingRequest request) {
        return find(request.key()).orElseThrow(() -> new IllegalStateException("no paid order line has the key " + request.key()));
    }

    @Override
    public FundingHold capture(IdempotencyKey holdKey) {
        return find(holdKey).map(hold -> withState(hold, FundingHold.State.CAPTURED)).orElseThrow();
    }

    @Override
    public FundingHold release(IdempotencyKey holdKey) {
        return find(holdKey).map(hold -> withState(hold, FundingHold.State.RELEASED)).orElseThrow();
    }

    @Override
    public Optional<FundingHold> find(IdempotencyKey holdKey) {
        return orders.lineByKey(holdKey).filter(found -> found.order().state() != OrderState.AWAITING_PAYMENT
                        && found.order().state() != OrderState.PLACED)
                .map(found -> new FundingHold(found.order().id() + "/" + found.line().lineNo(), holdKey,
                        found.line().amountDue(), switch (found.line().state()) {
                            case COMPLETED -> FundingHold.State.CAPTURED;
                            case FAILED, CANCELLED -> FundingHold.State.RELEASED;
                            default -> FundingHold.State.ACTIVE;
                        }, null));
    }

    private static FundingHold withState(FundingHold hold, FundingHold.State state) {
        return new FundingHold(hold.holdId(), hold.key(), hold.amount(), state, hold.expiresAt());
    }
}
