package org.kontor.host.themes;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import org.kontor.host.i18n.Language;
import org.kontor.host.i18n.LocaleResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Javalin's renderer for {@code ctx.render(...)}: renders with the active theme and puts the
 * handler's model under {@code page} next to the common keys (see {@link #model}). While a plugin's
 * handler runs, the host sets {@link #PLUGIN_ATTRIBUTE}; relative names then mean that plugin's
 * templates ({@code balance.ftlh} → {@code p/<plugin-id>/balance.ftlh}); a leading {@code /} means
 * a theme template. A failing template is logged and answered with the theme's error page.
 */
public final class ThemeRenderer implements FileRenderer {

    /** Request attribute with the id of the plugin whose handler is running. */
    public static final String PLUGIN_ATTRIBUTE = "kontor.plugin-id";
    /**
     * Request attribute naming why a request was refused, for an error page more precise than its status: with
     * {@code csrf} the page is {@code error.csrf.title}/{@code error.csrf.text}.
     */
    public static final String ERROR_KIND_ATTRIBUTE = "kontor.error-kind";
    public static final String ERROR_TEMPLATE = "error.ftlh";
    private static final Logger LOG = LoggerFactory.getLogger(ThemeRenderer.class);
    private static final Set<Integer> ERRORS_WITH_MESSAGES = Set.of(400, 403, 404, 500);

    private final ThemeEngine engine;
    private final LocaleResolver locales;
    private final List<ModelContributor> contributors;

    /** Adds to the model every template sees, e.g. the CSRF token. */
    @FunctionalInterface
    public interface ModelContributor {
        void contribute(Context ctx, Map<String, Object> model);
    }

    public ThemeRenderer(ThemeEngine engine, LocaleResolver locales) {
        this(engine, locales, List.of());
    }

    /** @param contributors add their keys before the common ones, which they cannot replace */
    public ThemeRenderer(ThemeEngine engine, LocaleResolver locales, List<ModelContributor> contributors) {
        this.engine = engine;
        this.locales = locales;
        this.contributors = List.copyOf(contributors);
    }

    @Override
    public String render(String filePath, Map<String, ?> page, Context ctx) {
        ActiveTheme theme = engine.active();
        String name = templateName(filePath, ctx.attribute(PLUGIN_ATTRIBUTE));
        try {
            return theme.render(name, model(ctx, theme, page));
        } catch (Exception e) {
            LOG.error("Rendering template '{}' of theme '{}' for {} failed", name, theme.name(), ctx.path(), e);
            ctx.status(500);
            return errorPage(ctx, 500);
        }
    }

    /**
     * The theme's error page for a status: {@code error.ftlh} with {@code page.status},
     * {@code page.titleKey} and {@code page.textKey}. Never throws; a broken error template gives a bare page.
     */
    public String errorPage(Context ctx, int status) {
        ActiveTheme theme = engine.active();
        String refusal = ctx.attribute(ERROR_KIND_ATTRIBUTE);
        String kind = refusal != null ? refusal
                : ERRORS_WITH_MESSAGES.contains(status) ? Integer.toString(status) : "generic";
        Map<String, Object> page = Map.of(
                "status", status,
                "titleKey", "error." + kind + ".title",
                "textKey", "error." + kind + ".text");
        try {
            return theme.render(ERROR_TEMPLATE, model(ctx, theme, page));
        } catch (Exception e) {
            LOG.error("Error page of theme '{}' failed", theme.name(), e);
            return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Error</title></head>"
                    + "<body><h1>Error " + status + "</h1><p><a href=\"/\">Home</a></p></body></html>";
        }
    }

    /**
     * The model every template sees: {@code lang} (code), {@code language} ({@link Language}),
     * {@code languages} (switcher list), {@code msg} (method), {@code theme} (name), {@code path}
     * (request path), {@code base} (context path, "" at the root) and {@code page} (the handler's model), and what
     * the contributors add (the host adds {@code csrfToken}).
     */
    Map<String, Object> model(Context ctx, ActiveTheme theme, Map<String, ?> page) {
        Language language = locales.language(ctx);
        Map<String, Object> model = new HashMap<>();
        contributors.forEach(contributor -> contributor.contribute(ctx, model));
        model.put("lang", language.code());
        model.put("language", language);
        model.put("languages", locales.languages().languages());
        model.put("msg", new MessageMethod(theme.messages(), language.code()));
        model.put("theme", theme.name());
        model.put("path", ctx.path());
        model.put("base", AssetHandler.contextPath(ctx));
        model.put("page", page == null ? Map.of() : page);
        return model;
    }

    static String templateName(String requested, String pluginId) {
        if (requested.startsWith("/")) {
            return requested.substring(1);
        }
        if (pluginId == null || pluginId.isBlank() || requested.startsWith("p/")) {
            return requested;
        }
        return "p/" + pluginId + "/" + requested;
    }
}
