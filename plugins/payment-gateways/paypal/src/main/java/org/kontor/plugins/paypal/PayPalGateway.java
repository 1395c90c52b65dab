package org.kontor.plugins.paypal;

import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.kontor.api.PluginContext;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.payment.PaymentGateway;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.api.payment.RefundRequest;
import org.kontor.api.payment.WebhookRejectedException;
import org.kontor.api.payment.WebhookRequest;
import org.kontor.api.settings.Settings;
import org.kontor.plugins.paypal.api.AccessTokens;
import org.kontor.plugins.paypal.api.ApiConfig;
import org.kontor.plugins.paypal.api.Amounts;
import org.kontor.plugins.paypal.api.PayPalClient;
import org.kontor.plugins.paypal.checkout.Checkout;
import org.kontor.plugins.paypal.checkout.OrderRow;
import org.kontor.plugins.paypal.checkout.Orders;
import org.kontor.plugins.paypal.refund.RefundRow;
import org.kontor.plugins.paypal.refund.Refunding;
import org.kontor.plugins.paypal.refund.Refunds;
import org.kontor.plugins.paypal.webhook.WebhookEvents;
import org.kontor.plugins.paypal.webhook.WebhookVerifier;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * Payment by PayPal through the Orders v2 API. A purchase creates an order and answers PENDING with PayPal's approval
 * page as the redirect; the approved order is captured when the janitor asks {@link #status} or when the
 * CHECKOUT.ORDER.APPROVED webhook arrives, whichever comes first, and once only. Refunds, reversed captures and lost
 * disputes come back as notifications of the webhook at {@code /hooks/payment-paypal}.
 *
 * <p>It never throws for what PayPal or the network do: no answer or a server error is UNDEFINED, asked again later
 * under the same key.
 */
@Extension
public class PayPalGateway implements PaymentGateway {

    public static final String ID = "paypal";

    private final PluginContext context;
    private final Logger log;
    private final Checkout checkout;
    private final Refunding refunding;
    private final WebhookEvents events;
    private final WebhookVerifier verifier;
    private final Supplier<PayPalClient> client;

    public PayPalGateway(PluginContext context) {
        this.context = context;
        this.log = context.logger();
        AccessTokens tokens = new AccessTokens(context.clock());
        this.client = () -> new PayPalClient(context.httpClient(), PayPalSettings.api(context.settings()), tokens, log);
        Orders orders = new Orders(context.jdbi(), context.clock());
        this.checkout = new Checkout(orders, client, context.clock());
        this.refunding = new Refunding(new Refunds(context.jdbi(), context.clock()), orders, client, context.clock());
        this.events = new WebhookEvents(checkout, refunding, context.jdbi(), context.clock(), client);
        this.verifier = new WebhookVerifier(context.jdbi(), context.httpClient(), context.clock(), log);
    }

    @Override
    public String gatewayId() {
        return ID;
    }

    @Override
    public Set<PaymentMethodType> methods() {
        return Set.of(PaymentMethodType.PAYPAL);
    }

    /** Offered once the client id and secret are set (and PayPal is reached over https), in PayPal's currencies. */
    @Override
    public boolean supports(Currency currency) {
        try {
            ApiConfig config = PayPalSettings.api(context.settings());
            return config.complete() && config.insecure() == null && Amounts.supported(currency);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public Outcome<PaymentTransaction> purchase(PaymentRequest request) {
        if (request.method() != PaymentMethodType.PAYPAL) {
            return Outcome.error("method", "this gateway takes PayPal payments only, not " + request.method());
        }
        if (!supports(request.amount().currency())) {
            return Outcome.error("currency", "PayPal payments in " + request.amount().currencyCode() + " are not offered");
        }
        return guarded("purchase " + request.key(), () -> checkout.purchase(request));
    }

    @Override
    public Outcome<PaymentTransaction> refund(RefundRequest request) {
        return guarded("refund " + request.key(), () -> refunding.refund(request));
    }

    @Override
    public Outcome<PaymentTransaction> status(IdempotencyKey key) {
        return guarded("status of " + key, () -> {
            Optional<RefundRow> refund = refunding.refunds().byKey(key.value());
            if (refund.isPresent()) {
                return refunding.status(refund.get());
            }
            Optional<OrderRow> order = checkout.orders().byKey(key.value());
            if (order.isPresent()) {
                return checkout.status(order.get());
            }
            return Outcome.canceled("no PayPal payment or refund was started under " + key);
        });
    }

    @Override
    public List<PaymentNotification> handleWebhook(WebhookRequest request) throws WebhookRejectedException {
        Settings settings = context.settings();
        verifier.verify(request, settings.get(PayPalSettings.WEBHOOK_ID).map(String::strip).orElse(null),
                PayPalSettings.verification(settings), client);
        return events.read(request.body());
    }

    private Outcome<PaymentTransaction> guarded(String what, Supplier<Outcome<PaymentTransaction>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            log.error("PayPal {} failed; it is asked about again later", what, e);
            return Outcome.undefined("the " + what + " failed: " + e.getClass().getSimpleName());
        }
    }
}
