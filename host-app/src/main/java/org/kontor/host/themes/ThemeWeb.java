package org.kontor.host.themes;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.kontor.api.web.Access;
import org.kontor.host.i18n.LocaleResolver;

import java.util.Map;

/**
 * The one entry point of themes for the host: call {@link #install} inside {@code Javalin.create}.
 * It registers the FreeMarker renderer, the locale {@code before} handler and {@code GET /assets/<path>}.
 */
public final class ThemeWeb {

    private final ThemeEngine engine;
    private final LocaleResolver locales;
    private final ThemeRenderer renderer;
    private final AssetHandler assets;

    public ThemeWeb(ThemeEngine engine, LocaleResolver locales, ThemeRenderer renderer, AssetHandler assets) {
        this.engine = engine;
        this.locales = locales;
        this.renderer = renderer;
        this.assets = assets;
    }

    public void install(JavalinConfig config) {
        config.fileRenderer(renderer);
        config.routes.before(locales);
        config.routes.get(AssetHandler.ROUTE, assets, Access.PUBLIC);
    }

    /** Renders a template of the active theme; {@code page} becomes the template's {@code page}. */
    public void render(Context ctx, String template, Map<String, ?> page) {
        ctx.render(template, page);
    }

    /** Answers with the theme's friendly error page, e.g. from {@code config.routes.error(404, "html", ...)}. */
    public void renderError(Context ctx, int status) {
        ctx.status(status).html(renderer.errorPage(ctx, status));
    }

    /** Call when plugins were started or stopped. */
    public void pluginsChanged() {
        engine.pluginsChanged();
    }

    public ThemeEngine engine() {
        return engine;
    }
}
