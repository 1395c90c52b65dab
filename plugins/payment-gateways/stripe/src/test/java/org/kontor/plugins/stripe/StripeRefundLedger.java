package org.kontor.plugins.stripe;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.plugins.stripe.payment.Purchases;

/**
 * Stripe's refunds of the fixture's payments, kept as Stripe keeps them, for requests with keys the test cannot know
 * in advance. {@code POST /v1/refunds} refunds a PaymentIntent the fixture showed paid (any other is unknown to it) up
 * to what is left of its charge: more is refused with {@code amount_too_large}, anything once it is fully refunded
 * with {@code charge_already_refunded}; the same Idempotency-Key again answers its first result (another request
 * under it is an {@code idempotency_error}).
 * {@code GET /v1/refunds/{id}} and {@code GET /v1/refunds?payment_intent=…} show what was made. Only the stubs that
 * name {@link #NAME} use it (see {@link StripeFixture#keepRefunds()}).
 */
final class StripeRefundLedger implements ResponseDefinitionTransformerV2 {

    static final String NAME = "stripe-refund-ledger";

    private final StripeFixture fixture;
    /** The paid charges by PaymentIntent. */
    private final Map<String, StripeFixture.Session> paid = new HashMap<>();
    /** The first answer under each Idempotency-Key, with the form it answered. */
    private final Map<String, Answer> answers = new HashMap<>();
    private final Map<String, Refund> refunds = new LinkedHashMap<>();

    private record Answer(Map<String, String> form, int status, String body) {
    }

    private record Refund(String id, StripeFixture.Session session, long amount, IdempotencyKey key) {
    }

    StripeRefundLedger(StripeFixture fixture) {
        this.fixture = fixture;
    }

    /** The customer paid the session: its charge can be refunded. */
    synchronized void charged(StripeFixture.Session session) {
        paid.put(session.paymentIntent(), session);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        String path = URI.create(request.getUrl()).getPath();
        if (request.getMethod().getName().equals("POST") && path.equals("/v1/refunds")) {
            return create(request.getHeader("Idempotency-Key"), form(request.getBodyAsString()));
        }
        if (path.equals("/v1/refunds")) {
            return list(form(URI.create(request.getUrl()).getRawQuery()));
        }
        Refund refund = refunds.get(path.substring("/v1/refunds/".length()));
        return refund == null ? missing("refund", path.substring("/v1/refunds/".length()))
                : answer(200, json(refund));
    }

    private ResponseDefinition create(String key, Map<String, String> form) {
        Answer earlier = key == null ? null : answers.get(key);
        if (earlier != null) {
            if (!earlier.form().equals(form)) {
                return answer(400, error("idempotency_error", null, "Keys for idempotent requests can only be used "
                        + "with the same parameters they were first used with. Try using a key other than '" + key
                        + "' if you meant to execute a different request."));
            }
            return StripeFixture.json(earlier.status(), earlier.body()).withHeader("Idempotent-Replayed", "true")
                    .withHeader("Idempotency-Key", key).build();
        }
        Answer answer = refund(form, key);
        if (key != null) {
            answers.put(key, answer);
        }
        return answer(answer.status(), answer.body());
    }

    private Answer refund(Map<String, String> form, String key) {
        String intent = form.get("payment_intent");
        StripeFixture.Session session = intent == null ? null : paid.get(intent);
        if (session == null) {
            return new Answer(form, 400, error("resource_missing", "payment_intent", "No such payment_intent: '"
                    + intent + "'"));
        }
        long refunded = refunds.values().stream().filter(r -> r.session().equals(session))
                .mapToLong(Refund::amount).sum();
        long left = session.amount() - refunded;
        long amount;
        try {
            amount = form.containsKey("amount") ? Long.parseLong(form.get("amount")) : left;
        } catch (NumberFormatException e) {
            return new Answer(form, 400, error("parameter_invalid_integer", "amount", "Invalid integer: "
                    + form.get("amount")));
        }
        if (left == 0) {
            return new Answer(form, 400, error("charge_already_refunded", null, "Charge " + session.charge()
                    + " has already been refunded."));
        }
        if (amount > left) {
            return new Answer(form, 400, error("amount_too_large", "amount", "Refund amount (" + money(session, amount)
                    + ") is greater than unrefunded amount on charge (" + money(session, left) + ")"));
        }
        String metadataKey = form.get("metadata[" + Purchases.KEY_FIELD + "]");
        Refund refund = new Refund("re_3" + StripeFixture.random(23), session, amount,
                metadataKey == null ? null : IdempotencyKey.of(metadataKey));
        refunds.put(refund.id(), refund);
        return new Answer(form, 200, json(refund));
    }

    private ResponseDefinition list(Map<String, String> query) {
        List<String> listed = new ArrayList<>();
        for (Refund refund : refunds.values()) {
            if (refund.session().paymentIntent().equals(query.get("payment_intent"))
                    || refund.session().charge().equals(query.get("charge"))) {
                listed.add(json(refund));
            }
        }
        return answer(200, "{\"object\": \"list\", \"data\": [" + String.join(", ", listed) + "], \"has_more\": false, "
                + "\"url\": \"/v1/refunds\"}");
    }

    private String json(Refund refund) {
        return fixture.refundJson(refund.session(), refund.id(), refund.amount(), "succeeded", refund.key());
    }

    private static ResponseDefinition missing(String object, String id) {
        return answer(404, error("resource_missing", "id", "No such " + object + ": '" + id + "'"));
    }

    private static ResponseDefinition answer(int status, String body) {
        return StripeFixture.json(status, body).build();
    }

    private static String error(String code, String param, String message) {
        return "{\"error\": {\"code\": " + StripeFixture.quoted(code) + ", \"doc_url\": \"https://stripe.com/docs/"
                + "error-codes/" + code.replace('_', '-') + "\", \"message\": " + StripeFixture.quoted(message)
                + ", \"param\": " + (param == null ? "null" : StripeFixture.quoted(param))
                + ", \"type\": \"invalid_request_error\"}}";
    }

    /** An amount as Stripe writes it in its messages, e.g. {@code €49.00}. */
    private static String money(StripeFixture.Session session, long minor) {
        Money money = Amounts.fromStripe(minor, session.currency());
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(money.currency());
        return format.format(money.amount());
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            form.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return form;
    }
}
