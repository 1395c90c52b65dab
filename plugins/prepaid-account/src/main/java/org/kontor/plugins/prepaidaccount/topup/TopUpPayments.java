package org.kontor.plugins.prepaidaccount.topup;

import java.util.Optional;
import org.kontor.api.PluginContext;
import org.kontor.api.event.EventListener;
import org.kontor.api.event.EventMetadata;
import org.kontor.api.event.PaymentSucceeded;
import org.kontor.plugins.prepaidaccount.PrepaidLedgers;
import org.kontor.plugins.prepaidaccount.ledger.Account;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * Marks a top-up paid when the host reports its payment through a gateway. The host names a top-up's payment
 * {@code top-up:<top-up id>:<uuid>}. Only a payment by the account's owner of at least the top-up's net amount, in
 * its currency, counts; a redelivery changes nothing ({@link TopUps#markPaid} credits once).
 */
@Extension
public class TopUpPayments implements EventListener<PaymentSucceeded> {

    private static final String PREFIX = "top-up:";
    private static final int UUID_LENGTH = 36;

    private final TopUps topUps;
    private final Ledger ledger;
    private final Logger log;

    public TopUpPayments(PluginContext context) {
        this.ledger = PrepaidLedgers.of(context);
        this.topUps = PrepaidLedgers.topUps(context, ledger);
        this.log = context.logger();
    }

    TopUpPayments(TopUps topUps, Ledger ledger, Logger log) {
        this.topUps = topUps;
        this.ledger = ledger;
        this.log = log;
    }

    @Override
    public Class<PaymentSucceeded> eventType() {
        return PaymentSucceeded.class;
    }

    @Override
    public void on(PaymentSucceeded event, EventMetadata metadata) {
        Optional<String> topUpId = topUpOf(event.paymentId());
        if (topUpId.isEmpty()) {
            return;
        }
        Optional<TopUp> topUp = topUps.find(topUpId.get());
        if (topUp.isEmpty()) {
            log.warn("Payment {} names top-up {}, which does not exist", event.paymentId(), topUpId.get());
            return;
        }
        Account account = ledger.account(topUp.get().accountId()).orElseThrow();
        if (!account.ownerId().equals(event.customerId()) || !event.amount().currency().equals(topUp.get().net().currency())
                || event.amount().isLessThan(topUp.get().net())) {
            log.warn("Payment {} of {} by {} does not pay top-up {} of {}; it is left for the operator",
                    event.paymentId(), event.amount(), event.customerId(), topUp.get().id(), topUp.get().net());
            return;
        }
        topUps.markPaid(topUp.get().id(), event.paymentId(), "gateway:" + event.gatewayId());
    }

    static Optional<String> topUpOf(String paymentId) {
        if (paymentId == null || !paymentId.startsWith(PREFIX) || paymentId.length() <= PREFIX.length() + UUID_LENGTH + 1) {
            return Optional.empty();
        }
        return Optional.of(paymentId.substring(PREFIX.length(), paymentId.length() - UUID_LENGTH - 1));
    }
}
