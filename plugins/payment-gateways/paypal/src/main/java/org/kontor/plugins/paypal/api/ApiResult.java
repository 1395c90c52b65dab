package org.kontor.plugins.paypal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * PayPal's answer to one call: the HTTP status (0 when none came: a time-out, a refused connection) and the JSON body
 * (an empty object when there was none or it was not JSON).
 *
 * @param credentialsRefused PayPal refused the client id and secret, so the call itself was never made
 */
public record ApiResult(int status, JsonNode body, boolean credentialsRefused) {

    public ApiResult {
        body = body == null ? JsonNodeFactory.instance.objectNode() : body;
    }

    static ApiResult noAnswer(String why) {
        return new ApiResult(0, JsonNodeFactory.instance.objectNode().put("message", why), false);
    }

    public boolean answered() {
        return status > 0;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /**
     * Whether PayPal may or may not have acted: no answer, a server error, a time-out, a conflicting request still in
     * progress or a rate limit. The same call under the same PayPal-Request-Id decides it later.
     */
    public boolean undecided() {
        return !answered() || status >= 500 || status == 408 || status == 409 || status == 429;
    }

    public boolean notFound() {
        return status == 404;
    }

    /** PayPal's code for a refusal: the first detail's issue, else the error's name ({@code invalid_client} for OAuth). */
    public String issue() {
        String issue = body.path("details").path(0).path("issue").asText("");
        if (issue.isEmpty()) {
            issue = body.path("name").asText(body.path("error").asText(""));
        }
        return issue.isEmpty() ? (answered() ? "HTTP_" + status : "NO_ANSWER") : issue;
    }

    /** PayPal's words for it, with its debug id for their support. */
    public String description() {
        String text = body.path("details").path(0).path("description").asText("");
        if (text.isEmpty()) {
            text = body.path("message").asText(body.path("error_description").asText(""));
        }
        if (text.isEmpty()) {
            text = answered() ? "HTTP " + status : "no answer";
        }
        String debugId = body.path("debug_id").asText("");
        return debugId.isEmpty() ? text : text + " (debug id " + debugId + ")";
    }

    @Override
    public String toString() {
        return (answered() ? "HTTP " + status : "no answer") + " " + issue() + ": " + description();
    }
}
