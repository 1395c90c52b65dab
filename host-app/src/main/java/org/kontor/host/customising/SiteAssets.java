package org.kontor.host.customising;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.api.web.Access;
import org.kontor.host.web.ProblemException;

/**
 * Brings the operator's customising to the storefront: the brand colours as a generated style sheet
 * ({@code /site/brand.css}, since the content security policy forbids inline styles), the logo ({@code /site/logo})
 * and, for every template, {@code site} with {@code logo} and {@code brandCss} (addresses, empty when not set, with
 * the version so that a change is fetched at once), {@code welcome} and {@code footer} (cleaned rich text, printed
 * with {@code ?no_esc}) and {@code termsUrl}.
 */
public final class SiteAssets {

    private final Customisings customisings;

    public SiteAssets(Customisings customisings) {
        this.customisings = customisings;
    }

    public void register(RoutesConfig routes) {
        routes.get("/site/brand.css", this::brandCss, Access.PUBLIC);
        routes.get("/site/logo", this::logo, Access.PUBLIC);
    }

    /** For {@link org.kontor.host.themes.ThemeRenderer.ModelContributor}. */
    public void contribute(Context ctx, Map<String, Object> model) {
        Customising customising = customisings.current();
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("logo", customising.logo().isPresent() ? "/site/logo?v=" + customising.version() : "");
        site.put("brandCss", customising.colours().isEmpty() ? "" : "/site/brand.css?v=" + customising.version());
        site.put("welcome", customising.welcomeHtml());
        site.put("footer", customising.footerHtml());
        site.put("termsUrl", customising.termsUrl());
        model.put("site", site);
    }

    private void brandCss(Context ctx) {
        ctx.contentType("text/css; charset=utf-8");
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.result(css(customisings.current()));
    }

    /** The style sheet: the theme's colour variables, set to the operator's colours (checked hex values only). */
    static String css(Customising customising) {
        StringBuilder css = new StringBuilder("/* Brand colours chosen in the admin (customising). */\n:root {\n");
        customising.colours().forEach((name, value) -> {
            if (BrandColours.valid(value)) {
                switch (name) {
                    case "primary" -> css.append("  --k-primary: ").append(value).append(";\n");
                    case "accent" -> css.append("  --k-accent: ").append(value).append(";\n");
                    case "header" -> css.append("  --k-header-bg: ").append(value).append(";\n");
                    default -> { }
                }
            }
        });
        return css.append("}\n").toString();
    }

    private void logo(Context ctx) {
        Customising.Logo logo = customisings.current().logo()
                .orElseThrow(() -> ProblemException.notFound("No logo was uploaded."));
        ctx.contentType(logo.mediaType());
        ctx.header("Cache-Control", "public, max-age=300");
        // An SVG opened on its own must not run anything even if the check missed something.
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        ctx.header("Content-Disposition", "inline; filename=\"logo\"");
        ctx.result(logo.content());
    }
}
