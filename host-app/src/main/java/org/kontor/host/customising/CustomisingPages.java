package org.kontor.host.customising;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.kontor.api.web.Access;
import org.kontor.host.admin.AdminView;
import org.kontor.host.richtext.RichText;
import org.kontor.host.themes.Theme;
import org.kontor.host.themes.ThemeRegistry;

/**
 * Customising in the admin (ADM-6): the storefront's theme among the installed ones, the brand colours, the
 * welcome and footer texts (rich text, cleaned before they are stored), the terms link, and the logo.
 */
public final class CustomisingPages {

    static final int MAX_TEXT = 20_000;

    private final Customisings customisings;
    private final ThemeRegistry themes;
    private final RichText richText;
    private final LogoCheck logoCheck;
    private final AdminView view;

    public CustomisingPages(Customisings customisings, ThemeRegistry themes, RichText richText, LogoCheck logoCheck,
                            AdminView view) {
        this.customisings = customisings;
        this.themes = themes;
        this.richText = richText;
        this.logoCheck = logoCheck;
        this.view = view;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/customising", this::show, Access.ADMIN);
        routes.post("/admin/customising", this::save, Access.ADMIN);
        routes.post("/admin/customising/logo", this::logo, Access.ADMIN);
        routes.post("/admin/customising/logo/remove", this::removeLogo, Access.ADMIN);
    }

    private void show(Context ctx) {
        Customising current = customisings.current();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("theme", current.theme());
        for (String colour : Customising.COLOURS) {
            form.put("colour-" + colour, current.colours().getOrDefault(colour, ""));
        }
        form.put("welcome", current.welcomeHtml());
        form.put("footer", current.footerHtml());
        form.put("termsUrl", current.termsUrl());
        show(ctx, form, Map.of());
    }

    /** @param errors field → {@code code} (message {@code form.error.<code>}) and {@code arg} */
    private void show(Context ctx, Map<String, Object> form, Map<String, Map<String, String>> errors) {
        Customising current = customisings.current();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("form", form);
        page.put("errors", errors);
        page.put("themes", themes.all().stream().sorted(Comparator.comparing(Theme::name))
                .map(theme -> Map.of("name", theme.name(), "label", theme.displayName())).toList());
        page.put("colours", Customising.COLOURS);
        page.put("logo", current.logo().isPresent() ? "/site/logo?v=" + current.version() : "");
        page.put("maxLogoKib", LogoCheck.MAX_BYTES / 1024);
        page.put("done", param(ctx, "done"));
        page.put("error", param(ctx, "error"));
        view.render(ctx, "customising.ftlh", page);
    }

    private void save(Context ctx) {
        Map<String, Object> form = new LinkedHashMap<>();
        Map<String, Map<String, String>> errors = new LinkedHashMap<>();
        String theme = field(ctx, "theme");
        form.put("theme", theme);
        if (!theme.isEmpty() && themes.find(theme).isEmpty()) {
            errors.put("theme", error("choice-invalid", ""));
        }
        Map<String, String> colours = new LinkedHashMap<>();
        for (String colour : Customising.COLOURS) {
            String value = field(ctx, "colour-" + colour);
            form.put("colour-" + colour, value);
            if (value.isEmpty()) {
                continue;
            }
            String normalised = BrandColours.normalise(value);
            if (normalised == null) {
                errors.put("colour-" + colour, error("colour-invalid", ""));
            } else {
                colours.put(colour, normalised);
            }
        }
        String welcome = field(ctx, "welcome");
        String footer = field(ctx, "footer");
        form.put("welcome", welcome);
        form.put("footer", footer);
        if (welcome.length() > MAX_TEXT) {
            errors.put("welcome", error("too-long", Integer.toString(MAX_TEXT)));
        }
        if (footer.length() > MAX_TEXT) {
            errors.put("footer", error("too-long", Integer.toString(MAX_TEXT)));
        }
        String terms = field(ctx, "termsUrl");
        form.put("termsUrl", terms);
        if (!terms.isEmpty() && !webAddress(terms)) {
            errors.put("termsUrl", error("web-address-invalid", ""));
        }
        if (!errors.isEmpty()) {
            ctx.status(422);
            show(ctx, form, errors);
            return;
        }
        customisings.saveSettings(theme, colours, richText.clean(welcome), richText.clean(footer), terms);
        ctx.redirect("/admin/customising?done=saved", HttpStatus.SEE_OTHER);
    }

    private void logo(Context ctx) throws IOException {
        UploadedFile file = ctx.uploadedFile("logo");
        if (file == null || file.size() == 0) {
            back(ctx, "error", "empty");
            return;
        }
        if (file.size() > LogoCheck.MAX_BYTES) {
            back(ctx, "error", "too_large");
            return;
        }
        byte[] content;
        try (InputStream in = file.content()) {
            content = in.readNBytes(LogoCheck.MAX_BYTES + 1);
        }
        LogoCheck.Result result = logoCheck.check(content);
        if (result.refusal().isPresent()) {
            back(ctx, "error", result.refusal().get().name().toLowerCase(Locale.ROOT));
            return;
        }
        customisings.saveLogo(result.mediaType().orElseThrow(), content);
        back(ctx, "done", "logo");
    }

    private void removeLogo(Context ctx) {
        customisings.removeLogo();
        back(ctx, "done", "logo-removed");
    }

    private static boolean webAddress(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && value.length() <= 2000;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static void back(Context ctx, String kind, String code) {
        ctx.redirect("/admin/customising?" + kind + "=" + code, HttpStatus.SEE_OTHER);
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || !value.matches("[a-z_-]{1,30}") ? "" : value;
    }

    private static Map<String, String> error(String code, String arg) {
        return Map.of("code", code, "arg", arg);
    }
}
