package org.kontor.host.security;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.web.Problem;
import org.kontor.host.web.ProblemException;

/**
 * Checks every matched route's declared {@link Access} before its handler runs. A route that declares
 * none is refused: forgetting to declare access must fail closed, not open. With {@link #withCsrf} it then checks
 * the request's CSRF token ({@link CsrfProtection}); with {@link #withSignInPage} a person who opens a page that
 * needs a signed-in caller is sent to sign in first instead of seeing 401. Support staff ({@link Access#SUPPORT}) may
 * also use routes that admit {@link Access#ADMIN}, read-only and in the clearing center ({@link #supportMay}).
 */
public final class AccessControl {

    private final List<Authenticator> authenticators;
    private final CsrfProtection csrf;
    private final String signInPage;

    /** Which authenticator named the caller. */
    private record Authenticated(Caller caller, Authenticator by) {
    }

    public AccessControl(List<Authenticator> authenticators) {
        this(authenticators, null, null);
    }

    private AccessControl(List<Authenticator> authenticators, CsrfProtection csrf, String signInPage) {
        this.authenticators = List.copyOf(authenticators);
        this.csrf = csrf;
        this.signInPage = signInPage;
    }

    /** The same access control, also checking CSRF tokens on state-changing requests. */
    public AccessControl withCsrf(CsrfProtection protection) {
        return new AccessControl(authenticators, protection, signInPage);
    }

    /**
     * The same access control, redirecting a page visit (a GET outside {@code /api/} from a browser) without a
     * signed-in caller to {@code path?next=<the page>}.
     */
    public AccessControl withSignInPage(String path) {
        return new AccessControl(authenticators, csrf, path);
    }

    public void install(JavalinConfig config) {
        config.routes.beforeMatched(this::check);
    }

    private void check(Context ctx) {
        Set<RouteRole> required = ctx.routeRoles();
        if (required.isEmpty()) {
            throw new ProblemException(Problem.of(403, "forbidden", "Forbidden", "This route declares no access rule."));
        }
        Optional<Authenticated> authenticated = authenticate(ctx);
        Optional<Caller> caller = authenticated.map(Authenticated::caller);
        caller.ifPresent(found -> ctx.attribute(Caller.ATTRIBUTE, found));
        if (!required.contains(Access.PUBLIC)) {
            if (caller.isEmpty()) {
                if (signInPage != null && isPageVisit(ctx)) {
                    ctx.redirect(signInPage + "?next=" + URLEncoder.encode(pathAndQuery(ctx), StandardCharsets.UTF_8),
                            HttpStatus.SEE_OTHER);
                    ctx.skipRemainingHandlers();
                    return;
                }
                ctx.header("WWW-Authenticate", "Bearer");
                throw new ProblemException(Problem.of(401, "unauthorized", "Unauthorized",
                        "Sign in, or send an API token as 'Authorization: Bearer <token>'."));
            }
            if (!required.contains(caller.get().role()) && !supportMay(caller.get().role(), required, ctx)) {
                throw new ProblemException(Problem.of(403, "forbidden", "Forbidden",
                        "Your role " + caller.get().role() + " may not use this route."));
            }
        }
        if (csrf != null) {
            csrf.verify(ctx, authenticated.map(Authenticated::by));
        }
    }

    /**
     * Path prefixes of operator routes that change something and that support staff may use nonetheless: the
     * clearing center's API, and their own second factor (the security page acts on the signed-in account only).
     */
    public static final List<String> SUPPORT_ACTION_PREFIXES = List.of("/api/v1/clearing/", "/admin/security/");

    /** Path prefixes of operator routes that only ADMIN may use, reading included: the record of what staff did. */
    public static final List<String> ADMIN_ONLY_PREFIXES = List.of("/api/v1/admin/audit");

    /**
     * Support staff use operator routes read-only (GET, HEAD), and the clearing center's actions (hold, release,
     * reject an order) and their own second factor; settings, plugins, prices, vouchers, payments and refunds stay with ADMIN, and so does the
     * staff audit record.
     */
    static boolean supportMay(Access role, Set<RouteRole> required, Context ctx) {
        if (role != Access.SUPPORT || !required.contains(Access.ADMIN)
                || ADMIN_ONLY_PREFIXES.stream().anyMatch(ctx.path()::startsWith)) {
            return false;
        }
        return ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD
                || SUPPORT_ACTION_PREFIXES.stream().anyMatch(ctx.path()::startsWith);
    }

    private Optional<Authenticated> authenticate(Context ctx) {
        for (Authenticator authenticator : authenticators) {
            Optional<Caller> caller = authenticator.authenticate(ctx);
            if (caller.isPresent()) {
                return Optional.of(new Authenticated(caller.get(), authenticator));
            }
        }
        return Optional.empty();
    }

    /** A person opening a page: a GET outside the API that accepts HTML. */
    private static boolean isPageVisit(Context ctx) {
        String accept = ctx.header("Accept");
        return ctx.method() == HandlerType.GET && !ctx.path().startsWith("/api/") && !ctx.path().startsWith("/hooks/")
                && accept != null && accept.contains("text/html");
    }

    private static String pathAndQuery(Context ctx) {
        String query = ctx.queryString();
        return query == null || query.isEmpty() ? ctx.path() : ctx.path() + "?" + query;
    }
}
