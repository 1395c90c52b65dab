package org.kontor.plugins.prepaidaccount.topup;

import java.util.Optional;
import org.kontor.api.PluginContext;
import org.kontor.api.event.EventListener;
import org.kontor.api.event.EventMetadata;
import org.kontor.api.event.PaymentReversed;
import org.kontor.api.money.Money;
import org.kontor.plugins.prepaidaccount.PrepaidLedgers;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * Takes money back off the account when the payment of a paid top-up is refunded or reversed (a chargeback, a returned
 * direct debit). The whole top-up coming back reverses its credit entry; a part is debited as an adjustment. Never
 * more than the top-up credited; each refund or reversal is booked once (keyed by its payment id), even if the account
 * goes below zero: the money is gone either way, and the reseller owes it.
 */
@Extension
public class TopUpReversals implements EventListener<PaymentReversed> {

    private static final String TOP_UP = "TOP_UP";

    private final TopUps topUps;
    private final Ledger ledger;
    private final Logger log;

    public TopUpReversals(PluginContext context) {
        this.ledger = PrepaidLedgers.of(context);
        this.topUps = PrepaidLedgers.topUps(context, ledger);
        this.log = context.logger();
    }

    TopUpReversals(TopUps topUps, Ledger ledger, Logger log) {
        this.topUps = topUps;
        this.ledger = ledger;
        this.log = log;
    }

    @Override
    public Class<PaymentReversed> eventType() {
        return PaymentReversed.class;
    }

    @Override
    public void on(PaymentReversed event, EventMetadata metadata) {
        if (!TOP_UP.equals(event.purpose())) {
            return;
        }
        Optional<TopUp> found = topUps.find(event.targetId());
        if (found.isEmpty() || found.get().state() != TopUpState.PAID || found.get().entryId() == null) {
            log.warn("Money back {} names top-up {}, which is not paid; nothing is taken off an account",
                    event.paymentId(), event.targetId());
            return;
        }
        TopUp topUp = found.get();
        if (!event.amount().currency().equals(topUp.net().currency())) {
            log.warn("Money back {} is in {}, top-up {} in {}; it is left for the operator", event.paymentId(),
                    event.amount().currencyCode(), topUp.id(), topUp.net().currencyCode());
            return;
        }
        String key = "payment-back:" + event.paymentId();
        if (ledger.entryWithKey(key).isPresent()) {
            return;
        }
        String reason = (event.refund() ? "refund" : "reversal") + " of the payment of top-up " + topUp.paymentReference()
                + (event.reason() == null || event.reason().isBlank() ? "" : ": " + event.reason());
        String actor = "gateway:" + event.gatewayId();
        Money taken = event.amount().isLessThan(topUp.net()) ? event.amount() : topUp.net();
        if (taken.equals(topUp.net()) && !ledger.isReversed(topUp.entryId())) {
            ledger.reverse(topUp.entryId(), key, reason, actor);
        } else {
            ledger.adjust(topUp.accountId(), key, taken.negate(), reason, actor);
        }
    }
}
