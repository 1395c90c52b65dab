package org.kontor.host.security;

import freemarker.template.TemplateScalarModel;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kontor.host.themes.ThemeRenderer;
import org.kontor.host.web.Problem;
import org.kontor.host.web.ProblemException;

/**
 * Cross-site request forgery protection, checked centrally by {@link AccessControl} before every route's handler.
 *
 * <p>A state-changing request (POST, PUT, PATCH, DELETE) must carry the CSRF token of its browser session, as the
 * form field {@value #FIELD} or the header {@value #HEADER}, when
 * <ul>
 *   <li>it comes with a live session cookie (signed in or an anonymous visitor's), or</li>
 *   <li>it looks like something another site's page could make a browser send: a form
 *       ({@code application/x-www-form-urlencoded}, {@code multipart/form-data}), {@code text/plain}, or a body
 *       without a content type. This covers sign-in and sign-up forms, which run before there is a customer.</li>
 * </ul>
 * The token is {@link WebSessions#csrfToken}, an HMAC of the session's own token; templates get it as
 * {@value #MODEL_VARIABLE}.
 *
 * <p>Exempt, and nothing else:
 * <ul>
 *   <li>requests authenticated by credentials a browser never sends on its own, i.e. a Bearer API token
 *       ({@link Authenticator#sentByBrowsers()} false): no cookie is involved;</li>
 *   <li>paths under {@code /hooks/}: payment and registry webhooks, authenticated by their signatures;</li>
 *   <li>requests without a session cookie whose body is JSON (or empty): a browser cannot send JSON to another
 *       site without a CORS preflight, which the host never grants, and there is no session to act in.</li>
 * </ul>
 * A refusal is 403: problem+json under {@code /api/}, the theme's page saying the form expired for people.
 */
public final class CsrfProtection {

    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    /** The template model variable holding the token, e.g. {@code <input type="hidden" name="_csrf" value="${csrfToken}">}. */
    public static final String MODEL_VARIABLE = "csrfToken";
    /** Path prefixes exempt from the check, each with its own authentication. */
    public static final List<String> EXEMPT_PATH_PREFIXES = List.of("/hooks/");

    private static final Set<HandlerType> UNSAFE = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE);
    private static final Set<String> BROWSER_FORM_TYPES = Set.of("application/x-www-form-urlencoded",
            "multipart/form-data", "text/plain");

    private final WebSessions sessions;

    public CsrfProtection(WebSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * Refuses the request with 403 if it needs a token and lacks the right one.
     *
     * @param authenticatedBy the authenticator that named the caller, if any
     */
    public void verify(Context ctx, Optional<Authenticator> authenticatedBy) {
        if (!UNSAFE.contains(ctx.method())) {
            return;
        }
        String path = ctx.path();
        if (EXEMPT_PATH_PREFIXES.stream().anyMatch(path::startsWith)) {
            return;
        }
        if (authenticatedBy.isPresent() && !authenticatedBy.get().sentByBrowsers()) {
            return;
        }
        boolean hasSession = sessions.current(ctx).isPresent();
        if (!hasSession && !browserSendable(ctx)) {
            return;
        }
        if (!sessions.csrfTokenMatches(ctx, sentToken(ctx))) {
            ctx.attribute(ThemeRenderer.ERROR_KIND_ATTRIBUTE, "csrf");
            throw new ProblemException(Problem.of(403, "csrf", "Forbidden", hasSession
                    ? "This request lacks the CSRF token of its session: send it as the form field '" + FIELD
                            + "' or the header '" + HEADER + "'."
                    : "This request has no session: load the form again, or send the session's CSRF token as the form field '"
                            + FIELD + "' or the header '" + HEADER + "'."));
        }
    }

    /**
     * Adds {@value #MODEL_VARIABLE} to a template model. It is worked out only when a template uses it, so pages
     * without a form start no session.
     */
    public void addTo(Context ctx, Map<String, Object> model) {
        TemplateScalarModel token = () -> sessions.csrfToken(ctx);
        model.put(MODEL_VARIABLE, token);
    }

    private static String sentToken(Context ctx) {
        String header = ctx.header(HEADER);
        if (header != null && !header.isBlank()) {
            return header;
        }
        if (ctx.isFormUrlencoded() || ctx.isMultipartFormData()) {
            return ctx.formParam(FIELD);
        }
        return null;
    }

    /** Whether another site's page could make a browser send this body without asking first. */
    private static boolean browserSendable(Context ctx) {
        String type = ctx.contentType();
        if (type == null || type.isBlank()) {
            return ctx.contentLength() > 0 || ctx.header("Transfer-Encoding") != null;
        }
        String mediaType = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return BROWSER_FORM_TYPES.contains(mediaType);
    }
}
