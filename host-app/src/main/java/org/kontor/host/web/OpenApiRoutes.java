package org.kontor.host.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.function.Supplier;
import org.kontor.api.web.Access;

/**
 * Serves the OpenAPI document at {@value OpenApiDocument#PATH}, to anyone. It changes only when plugins change,
 * so it carries a strong ETag and clients revalidate ({@code If-None-Match} answers 304).
 */
public final class OpenApiRoutes {

    static final String CACHE_CONTROL = "public, no-cache";

    private final Supplier<OpenApiDocument> document;

    public OpenApiRoutes(Supplier<OpenApiDocument> document) {
        this.document = document;
    }

    public void register(RoutesConfig routes) {
        routes.get(OpenApiDocument.PATH, this::serve, Access.PUBLIC);
    }

    private void serve(Context ctx) {
        OpenApiDocument current = document.get();
        if (current == null) {
            throw new ProblemException(Problem.of(503, "unavailable", "Service unavailable",
                    "The API description is being assembled; try again in a moment."));
        }
        ctx.header("ETag", current.etag());
        ctx.header("Cache-Control", CACHE_CONTROL);
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip).anyMatch(tag -> tag.equals(current.etag()) || tag.equals("*"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType("application/json");
        ctx.result(current.bytes());
    }
}
