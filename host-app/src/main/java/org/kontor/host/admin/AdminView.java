package org.kontor.host.admin;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kontor.api.money.Money;
import org.kontor.host.i18n.LocaleResolver;
import org.kontor.host.web.RegisteredRoute;

/**
 * Renders an admin page inside the admin layout: adds {@code page.pluginPages}, the admin pages the running plugins
 * contribute (their GET routes under {@code /admin/p/<plugin>} without path parameters), for the navigation.
 */
public final class AdminView {

    private static final Pattern PLUGIN_PAGE = Pattern.compile("/admin/p/([^/{}]+)(/[^{}]*)?");

    private final Supplier<List<RegisteredRoute>> routes;
    private final LocaleResolver locales;

    /** A plugin's admin page in the navigation. */
    public record PluginPage(String href, String label) {
    }

    public AdminView(Supplier<List<RegisteredRoute>> routes, LocaleResolver locales) {
        this.routes = routes;
        this.locales = locales;
    }

    public void render(Context ctx, String template, Map<String, ?> page) {
        Map<String, Object> model = new LinkedHashMap<>(page);
        model.put("pluginPages", pluginPages());
        ctx.render("/admin/" + template, model);
    }

    List<PluginPage> pluginPages() {
        TreeSet<String> paths = new TreeSet<>();
        for (RegisteredRoute route : routes.get()) {
            if (route.method().equals("GET") && PLUGIN_PAGE.matcher(route.path()).matches()) {
                paths.add(route.path());
            }
        }
        List<PluginPage> pages = new ArrayList<>();
        for (String path : paths) {
            Matcher matcher = PLUGIN_PAGE.matcher(path);
            matcher.matches();
            String rest = matcher.group(2) == null ? "" : matcher.group(2);
            pages.add(new PluginPage(path, matcher.group(1) + (rest.isEmpty() || rest.equals("/") ? "" : " · " + rest.substring(1))));
        }
        return pages;
    }

    /** The code of the request's language ({@code en}, {@code da}, ...). */
    public String language(Context ctx) {
        return locales.language(ctx).code();
    }

    /** An amount in the language of the request, with its currency. */
    public String money(Context ctx, Money money) {
        return money(ctx, money.amount(), money.currency());
    }

    public String money(Context ctx, BigDecimal amount, java.util.Currency currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locales.language(ctx).locale());
        format.setCurrency(currency);
        format.setMinimumFractionDigits(Math.max(0, currency.getDefaultFractionDigits()));
        format.setMaximumFractionDigits(Math.max(0, currency.getDefaultFractionDigits()));
        return format.format(amount);
    }
}
