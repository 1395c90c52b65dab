package org.kontor.host.billing.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.Map;
import org.kontor.host.web.ProblemException;
import org.kontor.host.web.RequestBodies;

/** Reading request bodies: a JSON object, its fields as text or decimals, with field errors collected by the caller. */
final class JsonBodies {

    private final ObjectMapper json;

    JsonBodies(ObjectMapper json) {
        this.json = json;
    }

    JsonNode object(Context ctx) {
        return RequestBodies.objectOrEmpty(json, ctx);
    }

    static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.isValueNode() ? node.asText().strip() : null;
        return text == null || text.isEmpty() ? null : text;
    }

    /** A decimal given as a JSON number or a string; null when absent; the error recorded when malformed. */
    static BigDecimal decimal(JsonNode body, String field, String errorField, Map<String, String> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject() && node.has("amount")) {
            node = node.get("amount");
        }
        try {
            if (node.isNumber()) {
                return node.decimalValue();
            }
            if (node.isTextual() && !node.asText().isBlank()) {
                return new BigDecimal(node.asText().strip());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(errorField, "Give a number with a dot for decimals, e.g. 12.50.");
        return null;
    }

    static ProblemException invalid(String detail, Map<String, String> errors) {
        return ProblemException.validation(detail, errors);
    }
}
