package org.kontor.plugins.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.kontor.plugins.stripe.api.StripeApi;
import org.kontor.plugins.stripe.api.StripeUnavailableException;
import org.kontor.plugins.stripe.payment.CheckoutRecord;
import org.kontor.plugins.stripe.payment.CheckoutStore;
import org.kontor.plugins.stripe.payment.Purchases;
import org.kontor.plugins.stripe.refund.RefundRecord;
import org.kontor.plugins.stripe.refund.RefundStore;
import org.kontor.plugins.stripe.refund.Refunds;
import org.kontor.plugins.stripe.webhook.StripeEvents;
import org.kontor.plugins.stripe.webhook.StripeSignature;
import org.pf4j.Extension;

/**
 * Payment through Stripe. A purchase creates a Checkout Session and answers PENDING with its URL; the customer pays
 * on Stripe's page and the payment is credited when Stripe's signed webhook (or the janitor's {@link #status}) says it
 * was paid, never on the customer's return. A request that names a saved payment method is charged off-session with
 * a PaymentIntent instead. The host's idempotency key is Stripe's Idempotency-Key on every POST; an answer that does
 * not come is UNDEFINED, and {@link #status} sends the recorded request again under the same key to learn it.
 */
@Extension
public class StripeGateway implements PaymentGateway {

    public static final String ID = "stripe";

    private final PluginContext context;
    private final ObjectMapper json = new ObjectMapper();
    private final CheckoutStore checkouts;
    private final RefundStore refunds;

    public StripeGateway(PluginContext context) {
        this.context = context;
        this.checkouts = new CheckoutStore(context.jdbi(), context.clock());
        this.refunds = new RefundStore(context.jdbi(), context.clock());
    }

    @Override
    public String gatewayId() {
        return ID;
    }

    @Override
    public Set<PaymentMethodType> methods() {
        return config().methods();
    }

    @Override
    public boolean supports(Currency currency) {
        StripeConfig config = config();
        return config.secretKey().isPresent() && config.offers(currency);
    }

    @Override
    public Outcome<PaymentTransaction> purchase(PaymentRequest request) {
        try {
            return purchases(config()).purchase(request);
        } catch (RuntimeException e) {
            context.logger().warn("The Stripe purchase under {} failed", request.key(), e);
            return Outcome.undefined("the purchase failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public Outcome<PaymentTransaction> refund(RefundRequest request) {
        try {
            StripeConfig config = config();
            if (config.secretKey().isEmpty()) {
                return Outcome.error("not-configured", "the Stripe secret key is not configured");
            }
            return refunds(config).refund(request);
        } catch (RuntimeException e) {
            context.logger().warn("The Stripe refund under {} failed", request.key(), e);
            return Outcome.undefined("the refund failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public Outcome<PaymentTransaction> status(IdempotencyKey key) {
        try {
            Optional<CheckoutRecord> purchase = checkouts.byKey(key);
            if (purchase.isPresent()) {
                return purchases(config()).status(purchase.get());
            }
            Optional<RefundRecord> refund = refunds.byKey(key);
            if (refund.isPresent()) {
                return refunds(config()).status(refund.get());
            }
            return Outcome.canceled("no Stripe payment or refund was requested under " + key);
        } catch (RuntimeException e) {
            context.logger().warn("The Stripe status of {} failed", key, e);
            return Outcome.undefined("the status failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public List<PaymentNotification> handleWebhook(WebhookRequest request) throws WebhookRejectedException {
        StripeConfig config = config();
        byte[] body = request.body();
        StripeSignature.verify(request.header(StripeSignature.HEADER).orElse(null), body, config.webhookSecrets(),
                context.clock().instant());
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (IOException e) {
            throw new WebhookRejectedException("the body is not JSON");
        }
        if (event == null || !event.isObject() || !event.path("id").isTextual() || !event.path("type").isTextual()
                || !event.path("data").path("object").isObject()) {
            throw new WebhookRejectedException("the body is not a Stripe event");
        }
        try {
            return new StripeEvents(purchases(config), refunds, api(config)).read(event);
        } catch (StripeUnavailableException e) {
            // kept by the host and read again later
            throw new IllegalStateException("event " + event.path("id").asText() + " needs Stripe, which did not answer: "
                    + e.getMessage(), e);
        }
    }

    private StripeConfig config() {
        return StripeConfig.of(context.settings());
    }

    private StripeApi api(StripeConfig config) {
        return new StripeApi(context.httpClient(), config, json);
    }

    private Purchases purchases(StripeConfig config) {
        return new Purchases(checkouts, api(config), config, context.clock(), context.logger());
    }

    private Refunds refunds(StripeConfig config) {
        return new Refunds(refunds, purchases(config), api(config), context.clock(), context.logger());
    }
}
