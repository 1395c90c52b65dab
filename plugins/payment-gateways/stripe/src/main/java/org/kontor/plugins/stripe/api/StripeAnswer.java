package org.kontor.plugins.stripe.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An answer Stripe gave: a 2xx with the object, or a 4xx refusal with its {@code error} object.
 *
 * @param status the HTTP status
 * @param body   the parsed JSON body
 */
public record StripeAnswer(int status, JsonNode body) {

    public boolean ok() {
        return status / 100 == 2;
    }

    /** Stripe's code for a refusal: the error's {@code code} (e.g. {@code card_declined}), else its {@code type}. */
    public String errorCode() {
        JsonNode error = body.path("error");
        String code = text(error, "code");
        if (code == null) {
            code = text(error, "type");
        }
        return code == null ? "http-" + status : code;
    }

    /** Stripe's message for a refusal, with the card issuer's decline code when there is one. */
    public String errorMessage() {
        JsonNode error = body.path("error");
        String message = text(error, "message");
        String decline = text(error, "decline_code");
        String text = message == null ? "Stripe refused the request (HTTP " + status + ")" : message;
        return decline == null ? text : text + " (" + decline + ")";
    }

    /** The text of a field, or null when it is missing, null or empty. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
