package org.kontor.host.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.kontor.api.funding.InsufficientFundsException;
import org.kontor.host.themes.ThemeRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every error into the right answer for who asked: problem+json under {@code /api/} and
 * {@code /hooks/}, the theme's friendly error page for people. Stack traces go to the log only, with an
 * incident id that the answer repeats; a failure inside a plugin's handler is logged against the plugin.
 */
public final class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    private final ObjectMapper json;
    private final ErrorPage errorPage;

    public ErrorResponses(ObjectMapper json, ErrorPage errorPage) {
        this.json = json;
        this.errorPage = errorPage;
    }

    public void install(JavalinConfig config) {
        config.routes.exception(ProblemException.class, (e, ctx) -> respond(ctx, e.problem()));
        config.routes.exception(InsufficientFundsException.class, (e, ctx) -> respond(ctx,
                Problem.of(402, "insufficient-funds", "Insufficient funds", "The prepaid account lacks "
                        + e.missing() + " for this; " + e.available() + " is available. Nothing was charged.")
                        .withMissing(e.missing())));
        config.routes.exception(ValidationException.class, (e, ctx) -> {
            Map<String, String> errors = new LinkedHashMap<>();
            e.getErrors().forEach((field, list) -> errors.put(field, list.isEmpty() ? "is invalid" : list.get(0).getMessage()));
            respond(ctx, Problem.of(400, "validation", "Invalid input", "Some parameters are invalid.").withErrors(errors));
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) ->
                respond(ctx, Problem.of(e.getStatus(), "http-" + e.getStatus(), reason(e.getStatus()), e.getMessage())));
        config.routes.exception(Exception.class, (e, ctx) -> {
            String incident = UUID.randomUUID().toString();
            String plugin = ctx.attribute(ThemeRenderer.PLUGIN_ATTRIBUTE);
            if (plugin != null) {
                log.error("Incident {}: plugin '{}' failed on {} {}", incident, plugin, ctx.method(), ctx.path(), e);
            } else {
                log.error("Incident {}: {} {} failed", incident, ctx.method(), ctx.path(), e);
            }
            respond(ctx, Problem.of(500, "internal", "Internal error",
                    "Something went wrong on our side. Incident " + incident + " was logged."));
        });
        config.routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || !isProblem(ctx)) {
                respond(ctx, Problem.of(404, "not-found", "Not found", "There is nothing at " + ctx.path() + "."));
            }
        });
    }

    private boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && (type.startsWith(Problem.CONTENT_TYPE) || type.startsWith("text/html"));
    }

    /** Answers with the problem in the form the caller reads. */
    public void respond(Context ctx, Problem problem) {
        Problem located = problem.withInstance(ctx.path());
        ctx.status(problem.status());
        if (wantsProblemJson(ctx)) {
            try {
                ctx.contentType(Problem.CONTENT_TYPE).result(json.writeValueAsString(located));
            } catch (JsonProcessingException e) {
                ctx.contentType(Problem.CONTENT_TYPE).result("{\"status\":" + problem.status() + "}");
            }
            return;
        }
        try {
            errorPage.render(ctx, problem.status());
        } catch (RuntimeException renderFailure) {
            log.warn("The error page could not be rendered; answering plain HTML", renderFailure);
            ctx.contentType("text/html; charset=utf-8").result("<!doctype html><title>" + problem.status()
                    + "</title><h1>" + problem.status() + " " + escape(problem.title()) + "</h1><p><a href=\"/\">Home</a></p>");
        }
    }

    private static boolean wantsProblemJson(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/api/") || path.startsWith("/hooks/") || path.equals("/health") || path.equals("/metrics")) {
            return true;
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> "Error";
        };
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
