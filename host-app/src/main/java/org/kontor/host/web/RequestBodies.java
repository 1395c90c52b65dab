package org.kontor.host.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** A request's JSON object body, or a 400 problem that says what is wrong with it. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** The body, which must be a JSON object. */
    public static JsonNode object(ObjectMapper json, Context ctx) {
        return parse(json, ctx.body());
    }

    /** The body as a JSON object, an empty one when the request has no body. */
    public static JsonNode objectOrEmpty(ObjectMapper json, Context ctx) {
        String text = ctx.body();
        return text.isBlank() ? json.createObjectNode() : parse(json, text);
    }

    private static JsonNode parse(ObjectMapper json, String text) {
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw ProblemException.badRequest("The body must be a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("The body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
