package org.kontor.plugins.stripe.payment;

import static org.kontor.plugins.stripe.api.StripeAnswer.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.plugins.stripe.Amounts;
import org.kontor.plugins.stripe.StripeConfig;
import org.kontor.plugins.stripe.api.Form;
import org.kontor.plugins.stripe.api.StripeAnswer;
import org.kontor.plugins.stripe.api.StripeApi;
import org.kontor.plugins.stripe.api.StripeUnavailableException;
import org.slf4j.Logger;

/**
 * Purchases: a Checkout Session the customer pays on Stripe's page, or, when the request names a saved payment method,
 * a PaymentIntent confirmed off-session at once. The form is recorded under the host's key before it is sent, with the
 * key as Stripe's Idempotency-Key, so that a lost answer is found out by sending the very same request again.
 */
public final class Purchases {

    /** Metadata of a payment request naming the customer's saved Stripe payment method, e.g. {@code pm_…}. */
    public static final String SAVED_PAYMENT_METHOD = "stripe.payment_method";
    /** Metadata of a payment request naming the Stripe customer the saved payment method belongs to. */
    public static final String STRIPE_CUSTOMER = "stripe.customer";
    /** The metadata field of Stripe objects that carries the host's idempotency key. */
    public static final String KEY_FIELD = "kontor_key";
    /**
     * How long a request may safely be sent again under its key: Stripe keeps idempotent results for at least 24
     * hours, and a Checkout Session expires within 24 hours.
     */
    static final Duration REPLAY_WINDOW = Duration.ofHours(23);

    private final CheckoutStore store;
    private final StripeApi api;
    private final StripeConfig config;
    private final Clock clock;
    private final Logger log;

    public Purchases(CheckoutStore store, StripeApi api, StripeConfig config, Clock clock, Logger log) {
        this.store = store;
        this.api = api;
        this.config = config;
        this.clock = clock;
        this.log = log;
    }

    public Outcome<PaymentTransaction> purchase(PaymentRequest request) {
        if (config.secretKey().isEmpty()) {
            return Outcome.error("not-configured", "the Stripe secret key is not configured");
        }
        if (!config.methods().contains(request.method())) {
            return Outcome.error("method", "Stripe is set up for " + config.methods() + ", not " + request.method());
        }
        if (!config.offers(request.amount().currency())) {
            return Outcome.error("currency", "payments in " + request.amount().currencyCode() + " are not offered");
        }
        Optional<CheckoutRecord> earlier = store.byKey(request.key());
        if (earlier.isPresent()) {
            return again(earlier.get(), request);
        }
        boolean saved = request.metadata().get(SAVED_PAYMENT_METHOD) != null;
        Form form;
        try {
            form = saved ? intentForm(request) : sessionForm(request);
        } catch (IllegalArgumentException e) {
            return Outcome.error("invalid-request", e.getMessage());
        }
        CheckoutRecord.Kind kind = saved ? CheckoutRecord.Kind.INTENT : CheckoutRecord.Kind.SESSION;
        if (!store.insert(request.key(), kind, form.encode(), request.amount())) {
            return again(store.byKey(request.key()).orElseThrow(), request);
        }
        return send(store.byKey(request.key()).orElseThrow());
    }

    /** The same key again: the same payment, whatever became of it; another amount under it is refused. */
    private Outcome<PaymentTransaction> again(CheckoutRecord record, PaymentRequest request) {
        if (!record.amount().equals(request.amount())) {
            return Outcome.error("idempotency-key-reused", "the key " + request.key() + " was used for a payment of "
                    + record.amount());
        }
        return status(record);
    }

    /** What became of a recorded purchase, asking Stripe. */
    public Outcome<PaymentTransaction> status(CheckoutRecord record) {
        if (record.refused()) {
            return Outcome.error(record.errorCode(), record.errorMessage());
        }
        if (record.reference() == null) {
            return unanswered(record);
        }
        boolean session = record.kind() == CheckoutRecord.Kind.SESSION;
        StripeAnswer answer;
        try {
            answer = session
                    ? api.get("/v1/checkout/sessions/" + record.sessionId(), new Form().add("expand[]", "payment_intent"))
                    : api.get("/v1/payment_intents/" + record.paymentIntent(), null);
        } catch (StripeUnavailableException e) {
            return Outcome.undefined(e.getMessage());
        }
        if (!answer.ok()) {
            return Outcome.undefined("Stripe did not show " + record.reference() + ": " + answer.errorCode() + ": "
                    + answer.errorMessage());
        }
        return learn(record, answer.body());
    }

    /** A purchase whose first answer was lost: sent again under its key while Stripe still holds the first result. */
    private Outcome<PaymentTransaction> unanswered(CheckoutRecord record) {
        if (clock.instant().isBefore(record.createdAt().plus(REPLAY_WINDOW))) {
            return send(record);
        }
        if (record.kind() == CheckoutRecord.Kind.SESSION) {
            return Outcome.canceled("Stripe's answer to the Checkout Session under " + record.key() + " was lost more "
                    + "than a day ago; a session made then has expired unseen");
        }
        try {
            StripeAnswer found = api.get("/v1/payment_intents/search", new Form()
                    .add("query", "metadata['" + KEY_FIELD + "']:'" + record.key().value() + "'"));
            if (!found.ok()) {
                return Outcome.undefined("Stripe's search answered " + found.errorCode());
            }
            for (JsonNode intent : found.body().path("data")) {
                return learn(record, intent);
            }
            return Outcome.canceled("Stripe holds no PaymentIntent made under " + record.key());
        } catch (StripeUnavailableException e) {
            return Outcome.undefined(e.getMessage());
        }
    }

    private Outcome<PaymentTransaction> send(CheckoutRecord record) {
        boolean session = record.kind() == CheckoutRecord.Kind.SESSION;
        StripeAnswer answer;
        try {
            answer = api.post(session ? "/v1/checkout/sessions" : "/v1/payment_intents", record.form(), record.key());
        } catch (StripeUnavailableException e) {
            log.warn("Stripe did not answer the purchase under {}: {}", record.key(), e.getMessage());
            return Outcome.undefined(e.getMessage());
        }
        if (!answer.ok()) {
            String intent = text(answer.body().path("error").path("payment_intent"), "id");
            if (intent != null && !session) {
                store.learnt(record.key(), null, intent, null);
            }
            store.refused(record.key(), answer.errorCode(), answer.errorMessage());
            return Outcome.error(answer.errorCode(), answer.errorMessage());
        }
        return learn(record, answer.body());
    }

    /** Keeps the ids Stripe's object names and answers what it means. */
    private Outcome<PaymentTransaction> learn(CheckoutRecord record, JsonNode object) {
        if (record.kind() == CheckoutRecord.Kind.SESSION) {
            store.learnt(record.key(), text(object, "id"), intentId(object.path("payment_intent")), text(object, "url"));
            return PaymentStates.ofSession(object, record.amount());
        }
        store.learnt(record.key(), null, text(object, "id"),
                text(object.path("next_action").path("redirect_to_url"), "url"));
        return PaymentStates.ofIntent(object, record.amount());
    }

    /**
     * The PaymentIntent of a recorded purchase: known, or read from its Checkout Session (a session has one once the
     * customer paid).
     */
    public Optional<String> paymentIntentOf(CheckoutRecord record) throws StripeUnavailableException {
        if (record.paymentIntent() != null || record.sessionId() == null) {
            return Optional.ofNullable(record.paymentIntent());
        }
        StripeAnswer answer = api.get("/v1/checkout/sessions/" + record.sessionId(), null);
        if (!answer.ok()) {
            throw new StripeUnavailableException("Stripe did not show " + record.sessionId() + ": " + answer.errorCode());
        }
        String intent = intentId(answer.body().path("payment_intent"));
        store.learnt(record.key(), null, intent, null);
        return Optional.ofNullable(intent);
    }

    /**
     * The purchase a PaymentIntent belongs to: recorded, or named by the key in the PaymentIntent's metadata (Kontor
     * puts it there, for sessions too); empty for a payment not made through Kontor.
     */
    public Optional<CheckoutRecord> byPaymentIntent(String intent) throws StripeUnavailableException {
        if (intent == null) {
            return Optional.empty();
        }
        Optional<CheckoutRecord> recorded = store.byPaymentIntent(intent);
        if (recorded.isPresent()) {
            return recorded;
        }
        StripeAnswer answer = api.get("/v1/payment_intents/" + intent, null);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (!answer.ok()) {
            throw new StripeUnavailableException("Stripe did not show " + intent + ": " + answer.errorCode());
        }
        return byKeyIn(answer.body().path("metadata")).map(record -> {
            store.learnt(record.key(), null, intent, null);
            return store.byKey(record.key()).orElseThrow();
        });
    }

    /** The purchase whose key a Stripe object's metadata names, if Kontor recorded it. */
    public Optional<CheckoutRecord> byKeyIn(JsonNode metadata) {
        String key = text(metadata, KEY_FIELD);
        try {
            return key == null ? Optional.empty() : store.byKey(IdempotencyKey.of(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public CheckoutStore store() {
        return store;
    }

    /** The id of an expandable {@code payment_intent} field: a string, or the expanded object's id. */
    public static String intentId(JsonNode field) {
        if (field.isObject()) {
            return text(field, "id");
        }
        return field.isTextual() && !field.asText().isEmpty() ? field.asText() : null;
    }

    private Form sessionForm(PaymentRequest request) {
        URI success = request.returnUrl() != null ? request.returnUrl() : config.returnUrl();
        if (success == null) {
            throw new IllegalArgumentException("Stripe Checkout needs an address to send the customer back to: set "
                    + "payments.return-url or the plugin's return address");
        }
        URI cancel = request.cancelUrl() != null ? request.cancelUrl() : success;
        String paymentId = request.metadata().get("paymentId");
        Form form = new Form().add("mode", "payment")
                .add("client_reference_id", paymentId != null ? paymentId : request.key().value())
                .add("success_url", success).add("cancel_url", cancel)
                .add("line_items[0][quantity]", 1)
                .add("line_items[0][price_data][currency]", Amounts.code(request.amount().currency()))
                .add("line_items[0][price_data][unit_amount]", Amounts.toStripe(request.amount()))
                .add("line_items[0][price_data][product_data][name]", name(request));
        List<String> types = config.methodTypes();
        for (int i = 0; i < types.size(); i++) {
            form.add("payment_method_types[" + i + "]", types.get(i));
        }
        metadata(form, "metadata", request);
        metadata(form, "payment_intent_data[metadata]", request);
        return form.add("payment_intent_data[description]", limit(name(request), 1000));
    }

    private Form intentForm(PaymentRequest request) {
        Form form = new Form().add("amount", Amounts.toStripe(request.amount()))
                .add("currency", Amounts.code(request.amount().currency()))
                .add("customer", request.metadata().get(STRIPE_CUSTOMER))
                .add("payment_method", request.metadata().get(SAVED_PAYMENT_METHOD))
                .add("confirm", true).add("off_session", true)
                .add("description", limit(name(request), 1000));
        metadata(form, "metadata", request);
        return form;
    }

    private static void metadata(Form form, String prefix, PaymentRequest request) {
        form.add(prefix + "[" + KEY_FIELD + "]", request.key().value())
                .add(prefix + "[kontor_reference]", limit(request.reference(), 500))
                .add(prefix + "[kontor_payment_id]", request.metadata().get("paymentId"))
                .add(prefix + "[kontor_customer]", request.customerId());
    }

    private static String name(PaymentRequest request) {
        String description = request.description() == null || request.description().isBlank()
                ? request.reference() : request.description();
        return limit(description, 250);
    }

    private static String limit(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
