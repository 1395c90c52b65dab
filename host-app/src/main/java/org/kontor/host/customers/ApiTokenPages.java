package org.kontor.host.customers;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.i18n.LocaleResolver;
import org.kontor.host.security.ApiTokens;

/**
 * A reseller's tokens for the JSON API, at {@code /account/api-tokens}: the working ones by name and date, a new one
 * (shown once, on the answer to the form, never again), and revoking one. Template {@code account/api-tokens.ftlh}.
 */
public final class ApiTokenPages {

    static final String PATH = "/account/api-tokens";
    /** More working tokens than an integration needs is a sign of tokens forgotten rather than revoked. */
    static final int MAX_ACTIVE = 10;
    private static final int MAX_LABEL = 80;

    private final ApiTokens tokens;
    private final LocaleResolver locales;

    public ApiTokenPages(ApiTokens tokens, LocaleResolver locales) {
        this.tokens = tokens;
        this.locales = locales;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> render(ctx, null, null, ""), Access.RESELLER);
        routes.post(PATH, this::create, Access.RESELLER);
        routes.post(PATH + "/revoke", this::revoke, Access.RESELLER);
    }

    private void create(Context ctx) {
        Caller caller = Caller.require(ctx);
        String label = ctx.formParam("label") == null ? "" : ctx.formParam("label").strip();
        if (label.isEmpty()) {
            ctx.status(422);
            render(ctx, null, Map.of("code", "required", "arg", ""), label);
            return;
        }
        if (label.length() > MAX_LABEL) {
            ctx.status(422);
            render(ctx, null, Map.of("code", "too-long", "arg", Integer.toString(MAX_LABEL)), label);
            return;
        }
        if (tokens.activeOf(caller.subject()).size() >= MAX_ACTIVE) {
            ctx.status(422);
            render(ctx, null, Map.of("code", "api-tokens-too-many", "arg", Integer.toString(MAX_ACTIVE)), label);
            return;
        }
        String token = tokens.issue(caller.subject(), caller.role(), label);
        ctx.header("Cache-Control", "no-store");
        render(ctx, token, null, "");
    }

    private void revoke(Context ctx) {
        if (!tokens.revokeOwn(Caller.require(ctx).subject(), ctx.formParam("id"))) {
            ctx.status(404);
            render(ctx, null, null, "");
            return;
        }
        ctx.redirect(PATH + "?revoked=1", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, String newToken, Map<String, String> error, String label) {
        Locale locale = Locale.forLanguageTag(locales.language(ctx).code());
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneId.of("Europe/Copenhagen"));
        List<Map<String, String>> active = tokens.activeOf(Caller.require(ctx).subject()).stream()
                .map(token -> Map.of("id", token.id(), "label", token.label() == null ? "" : token.label(),
                        "createdAt", format.format(token.createdAt())))
                .toList();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("tokens", active);
        page.put("newToken", newToken == null ? "" : newToken);
        page.put("errors", error == null ? Map.of() : Map.of("label", error));
        page.put("label", label);
        page.put("revoked", ctx.queryParam("revoked") != null && newToken == null && error == null);
        page.put("max", MAX_ACTIVE);
        ctx.render("account/api-tokens.ftlh", page);
    }
}
