package org.kontor.host.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.RegistryBalance;
import org.kontor.api.registry.RegistryCapability;
import org.kontor.api.web.Access;
import org.kontor.host.i18n.LocaleResolver;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin's start page {@code /admin}: revenue and payments per month as SVG bar charts drawn on the server, and the
 * balances the running registries report.
 */
public final class DashboardPage {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardPage.class);

    private final Dashboard dashboard;
    private final Extensions extensions;
    private final AdminView view;
    private final LocaleResolver locales;

    public DashboardPage(Dashboard dashboard, Extensions extensions, AdminView view, LocaleResolver locales) {
        this.dashboard = dashboard;
        this.extensions = extensions;
        this.view = view;
        this.locales = locales;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin", this::show, Access.ADMIN);
    }

    private void show(Context ctx) {
        Locale locale = locales.language(ctx).locale();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("revenue", Dashboard.charts(dashboard.revenue(),
                month -> month.getMonth().getDisplayName(TextStyle.SHORT, locale) + " " + (month.getYear() % 100),
                (amount, currency) -> view.money(ctx, amount, currency)));
        page.put("payments", Dashboard.charts(dashboard.payments(),
                month -> month.getMonth().getDisplayName(TextStyle.SHORT, locale) + " " + (month.getYear() % 100),
                (amount, currency) -> view.money(ctx, amount, currency)));
        page.put("registries", registries(ctx));
        view.render(ctx, "dashboard.ftlh", page);
    }

    /** Each running registry that reports a balance, asked now; one that fails to answer says so. */
    private List<Map<String, Object>> registries(Context ctx) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Contribution<DomainRegistry> contribution : extensions.of(DomainRegistry.class)) {
            DomainRegistry registry = contribution.extension();
            Map<String, Object> row = new LinkedHashMap<>();
            try {
                row.put("id", registry.registryId());
                if (!registry.capabilities().contains(RegistryCapability.BALANCE)) {
                    continue;
                }
                Optional<RegistryBalance> balance = registry.registryBalance();
                if (balance.isEmpty()) {
                    continue;
                }
                row.put("balance", view.money(ctx, balance.get().balance()));
                row.put("available", view.money(ctx, balance.get().availableCredit()));
                row.put("low", balance.get().isLow());
                row.put("error", "");
            } catch (RuntimeException e) {
                LOG.warn("Registry of plugin {} could not tell its balance", contribution.pluginId(), e);
                row.putIfAbsent("id", contribution.pluginId());
                row.put("balance", "");
                row.put("available", "");
                row.put("low", false);
                row.put("error", String.valueOf(e.getMessage()));
            }
            rows.add(row);
        }
        return rows;
    }
}
