package org.kontor.host.analytics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kontor.api.web.Access;
import org.kontor.host.web.Problem;
import org.kontor.host.web.ProblemException;

/**
 * {@code POST /consent}: the consent banner's form (with its CSRF token, no script needed). {@code choice} is
 * {@code analytics} or {@code none}; the choice is kept for six months in the first-party cookie
 * {@value Consent#COOKIE} (SameSite=Lax) and the visitor goes back to {@code return}, a path on this site.
 */
public final class ConsentRoutes {

    public static final String PATH = "/consent";
    /** A path on this site: one leading slash, no scheme, no backslash, no second slash that would name a host. */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[^\\\\\\s]*");

    public void register(RoutesConfig routes) {
        routes.post(PATH, this::choose, Access.PUBLIC);
    }

    private void choose(Context ctx) {
        Optional<Consent> choice = Consent.parse(ctx.formParam("choice"));
        if (choice.isEmpty()) {
            throw new ProblemException(Problem.of(400, "consent-choice", "Bad Request",
                    "The choice is 'analytics' or 'none'."));
        }
        boolean secure = ctx.req().isSecure() || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        ctx.cookie(new Cookie(Consent.COOKIE, choice.get().value(), "/", Consent.MAX_AGE_SECONDS, secure, true, null,
                SameSite.LAX));
        ctx.redirect(returnPath(ctx.formParam("return")), HttpStatus.SEE_OTHER);
    }

    static String returnPath(String requested) {
        return requested != null && LOCAL_PATH.matcher(requested).matches() ? requested : "/";
    }
}
