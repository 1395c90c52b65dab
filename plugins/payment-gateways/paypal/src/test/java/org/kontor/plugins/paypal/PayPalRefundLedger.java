package org.kontor.plugins.paypal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kontor.api.money.Money;

/**
 * PayPal's refunds of the fixture's captures, kept as PayPal keeps them, for requests with ids the test cannot know in
 * advance. {@code POST /v2/payments/captures/{id}/refund} refunds up to what is left of the capture: more is refused
 * with 422 {@code REFUND_AMOUNT_EXCEEDED}, anything once it is fully refunded with {@code CAPTURE_FULLY_REFUNDED},
 * another currency with {@code REFUND_CAPTURE_CURRENCY_MISMATCH}, an unknown capture with 404; the same
 * PayPal-Request-Id again answers its first result. {@code GET /v2/payments/refunds/{id}} shows what was made. Only
 * the stubs that name {@link #NAME} use it (see {@link PayPalFixture#keepRefunds()}).
 */
final class PayPalRefundLedger implements ResponseDefinitionTransformerV2 {

    static final String NAME = "paypal-refund-ledger";

    private static final Pattern REFUND_CAPTURE = Pattern.compile("/v2/payments/captures/([^/]+)/refund");
    private static final Pattern REFUND = Pattern.compile("/v2/payments/refunds/([^/]+)");

    private final ObjectMapper json = new ObjectMapper();
    /** What each capture took. */
    private final Map<String, Money> captures = new HashMap<>();
    /** The first answer under each PayPal-Request-Id. */
    private final Map<String, Answer> answers = new HashMap<>();
    private final Map<String, Refund> refunds = new LinkedHashMap<>();

    private record Answer(int status, String body) {
    }

    private record Refund(String id, String captureId, Money amount, String customId) {
    }

    /** PayPal took {@code amount} with the capture: it can be refunded. */
    synchronized void captured(String captureId, Money amount) {
        captures.put(captureId, amount);
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
        Matcher create = REFUND_CAPTURE.matcher(path);
        if (request.getMethod().getName().equals("POST") && create.matches()) {
            String requestId = request.getHeader("PayPal-Request-Id");
            Answer earlier = requestId == null ? null : answers.get(requestId);
            Answer answer = earlier != null ? earlier : refund(create.group(1), request.getBodyAsString());
            if (requestId != null) {
                answers.putIfAbsent(requestId, answer);
            }
            return answer(answer);
        }
        Matcher show = REFUND.matcher(path);
        Refund refund = show.matches() ? refunds.get(show.group(1)) : null;
        return answer(refund == null ? notFound() : new Answer(200, body(refund)));
    }

    private Answer refund(String captureId, String body) {
        Money captured = captures.get(captureId);
        if (captured == null) {
            return notFound();
        }
        JsonNode asked;
        try {
            asked = json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return new Answer(400, error("INVALID_REQUEST", "MALFORMED_REQUEST_JSON",
                    "The request JSON is not well formed."));
        }
        Money refunded = refunds.values().stream().filter(r -> r.captureId().equals(captureId)).map(Refund::amount)
                .reduce(Money.zero(captured.currency()), Money::plus);
        Money left = captured.minus(refunded);
        Money amount;
        if (asked.path("amount").isObject()) {
            JsonNode value = asked.path("amount");
            try {
                amount = Money.of(new BigDecimal(value.path("value").asText()),
                        Currency.getInstance(value.path("currency_code").asText()));
            } catch (IllegalArgumentException e) {
                return new Answer(400, error("INVALID_REQUEST", "INVALID_PARAMETER_VALUE",
                        "The value of a field is invalid."));
            }
        } else {
            amount = left;
        }
        if (!amount.currency().equals(captured.currency())) {
            return unprocessable("REFUND_CAPTURE_CURRENCY_MISMATCH", "Refund must be in the same currency as the "
                    + "capture.");
        }
        if (!left.isPositive()) {
            return unprocessable("CAPTURE_FULLY_REFUNDED", "The capture has already been fully refunded.");
        }
        if (amount.isGreaterThan(left)) {
            return unprocessable("REFUND_AMOUNT_EXCEEDED", "The refund amount must be less than or equal to the "
                    + "capture amount that has not yet been refunded.");
        }
        Refund refund = new Refund(PayPalFixture.ids(17), captureId, amount, asked.path("custom_id").asText(null));
        refunds.put(refund.id(), refund);
        return new Answer(201, body(refund));
    }

    /** The refund as PayPal shows it: the shape of {@code __files/refund.json}. */
    private String body(Refund refund) {
        ObjectNode body = json.createObjectNode().put("id", refund.id());
        body.set("amount", amount(refund.amount()));
        ObjectNode breakdown = body.putObject("seller_payable_breakdown");
        breakdown.set("gross_amount", amount(refund.amount()));
        breakdown.set("paypal_fee", amount(Money.zero(refund.amount().currency())));
        breakdown.set("net_amount", amount(refund.amount()));
        breakdown.set("total_refunded_amount", amount(refund.amount()));
        if (refund.customId() != null) {
            body.put("custom_id", refund.customId());
        }
        body.put("status", "COMPLETED").put("create_time", "2026-11-24T10:15:00-08:00")
                .put("update_time", "2026-11-24T10:15:00-08:00");
        body.putArray("links")
                .add(link("https://api-m.sandbox.paypal.com/v2/payments/refunds/" + refund.id(), "self"))
                .add(link("https://api-m.sandbox.paypal.com/v2/payments/captures/" + refund.captureId(), "up"));
        return body.toString();
    }

    private ObjectNode amount(Money money) {
        return json.createObjectNode().put("currency_code", money.currencyCode())
                .put("value", money.amount().toPlainString());
    }

    private ObjectNode link(String href, String rel) {
        return json.createObjectNode().put("href", href).put("rel", rel).put("method", "GET");
    }

    private Answer notFound() {
        return new Answer(404, error("RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Specified resource ID does not "
                + "exist. Please check the resource ID and try again."));
    }

    private Answer unprocessable(String issue, String description) {
        return new Answer(422, error("UNPROCESSABLE_ENTITY", issue, description));
    }

    private String error(String name, String issue, String description) {
        ObjectNode error = json.createObjectNode().put("name", name);
        error.putArray("details").addObject().put("issue", issue).put("description", description);
        error.put("message", "The requested action could not be performed, semantically incorrect, or failed "
                + "business validation.").put("debug_id", PayPalFixture.ids(13).toLowerCase(Locale.ROOT));
        error.putArray("links").add(json.createObjectNode().put("href", "https://developer.paypal.com/docs/api/"
                + "payments/v2/#error-" + issue).put("rel", "information_link").put("method", "GET"));
        return error.toString();
    }

    private static ResponseDefinition answer(Answer answer) {
        return aResponse().withStatus(answer.status()).withHeader("Content-Type", "application/json")
                .withHeader("paypal-debug-id", PayPalFixture.ids(13).toLowerCase(Locale.ROOT))
                .withBody(answer.body()).build();
    }
}
