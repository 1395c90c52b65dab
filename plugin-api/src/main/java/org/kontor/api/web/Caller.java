package org.kontor.api.web;

import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;

/**
 * Who sent a request: a subject id (a customer, a reseller, a staff member) and the role they act in.
 * The host authenticates every request before a plugin's handler runs; a handler reads the caller with
 * {@link #of(Context)} and shows only the caller's own data.
 */
public record Caller(String subject, Access role) {

    /** The request attribute under which the host keeps the caller. */
    public static final String ATTRIBUTE = "kontor.caller";

    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        if (role == Access.PUBLIC) {
            throw new IllegalArgumentException("PUBLIC is not a role a caller can have");
        }
    }

    /** The signed-in caller of this request, or empty for an anonymous one. */
    public static Optional<Caller> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** The signed-in caller; on a route that is not PUBLIC the host guarantees there is one. */
    public static Caller require(Context ctx) {
        return of(ctx).orElseThrow(() -> new IllegalStateException("the request has no signed-in caller"));
    }
}
