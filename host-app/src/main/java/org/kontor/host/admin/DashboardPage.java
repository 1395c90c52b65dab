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
 * The admin's start page {@code /admin}: revenue and payments per month as SVG bar charts drawn on the server, the
 * balances the running registries report, in a table and as SVG bars per currency, and the prepaid balances the funding
 * sources report ({@code FundingSource.totals()}: balance and held per currency), with links to the prepaid account
 * plugin's pages.
 */
public final class DashboardPage {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardPage.class);
    /** The prepaid-account plugin's admin pages, with each reseller's balance. */
    static final String PREPAID_PAGES = "/admin/p/prepaid-account";

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
        List<Map<String, Object>> registries = new ArrayList<>();
        List<Balance> balances = new ArrayList<>();
        registries(ctx, registries, balances);
        page.put("registries", registries);
        page.put("registryCharts", registryCharts(ctx, balances));
        List<Map<String, Object>> prepaid = new ArrayList<>();
        page.put("prepaidCharts", prepaidCharts(ctx, prepaid));
        page.put("prepaidTotals", prepaid);
        page.put("prepaidPages", view.pluginPages().stream()
                .filter(pluginPage -> pluginPage.href().startsWith(PREPAID_PAGES)).toList());
        view.render(ctx, "dashboard.ftlh", page);
    }

    /** A registry's balance, for the chart. */
    private record Balance(String registryId, RegistryBalance balance) {
    }

    /**
     * Each running registry that reports a balance, asked now; one that fails to answer says so.
     *
     * @param rows     receives the table rows
     * @param balances receives the balances that were told, for the chart
     */
    private void registries(Context ctx, List<Map<String, Object>> rows, List<Balance> balances) {
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
                balances.add(new Balance(registry.registryId(), balance.get()));
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
    }

    /**
     * One bar chart per currency with a bar per funding source: what its customers' accounts hold together (the table
     * rows add the part held for operations in flight and the number of accounts); a source that fails to answer is
     * left out and logged.
     *
     * @param rows receives a table row per source and currency
     */
    private List<BarChart> prepaidCharts(Context ctx, List<Map<String, Object>> rows) {
        Map<java.util.Currency, List<BarChart.Point>> points = new java.util.TreeMap<>(
                java.util.Comparator.comparing(java.util.Currency::getCurrencyCode));
        for (Contribution<org.kontor.api.funding.FundingSource> contribution
                : extensions.of(org.kontor.api.funding.FundingSource.class)) {
            List<org.kontor.api.funding.FundsTotal> totals;
            try {
                totals = contribution.extension().totals();
            } catch (RuntimeException e) {
                LOG.warn("Funding source of plugin {} could not tell its totals", contribution.pluginId(), e);
                continue;
            }
            for (org.kontor.api.funding.FundsTotal total : totals) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("source", contribution.extension().sourceId());
                row.put("balance", view.money(ctx, total.balance()));
                row.put("held", view.money(ctx, total.held()));
                row.put("accounts", total.accounts());
                rows.add(row);
                points.computeIfAbsent(total.balance().currency(), currency -> new ArrayList<>()).add(new BarChart.Point(
                        contribution.extension().sourceId(), total.balance().amount(), view.money(ctx, total.balance())));
            }
        }
        List<BarChart> charts = new ArrayList<>();
        points.forEach((currency, values) -> charts.add(BarChart.of(currency.getCurrencyCode(), values,
                view.money(ctx, values.stream().map(BarChart.Point::value).reduce(java.math.BigDecimal.ZERO,
                        java.math.BigDecimal::max), currency))));
        return charts;
    }

    /** One bar chart per currency with a bar per registry: its balance (a negative balance draws no bar). */
    private List<BarChart> registryCharts(Context ctx, List<Balance> balances) {
        Map<java.util.Currency, List<BarChart.Point>> points = new java.util.TreeMap<>(
                java.util.Comparator.comparing(java.util.Currency::getCurrencyCode));
        for (Balance balance : balances) {
            org.kontor.api.money.Money money = balance.balance().balance();
            points.computeIfAbsent(money.currency(), currency -> new ArrayList<>()).add(new BarChart.Point(
                    balance.registryId(), money.amount(), view.money(ctx, money)));
        }
        List<BarChart> charts = new ArrayList<>();
        points.forEach((currency, values) -> charts.add(BarChart.of(currency.getCurrencyCode(), values,
                view.money(ctx, values.stream().map(BarChart.Point::value).reduce(java.math.BigDecimal.ZERO,
                        java.math.BigDecimal::max), currency))));
        return charts;
    }
}
