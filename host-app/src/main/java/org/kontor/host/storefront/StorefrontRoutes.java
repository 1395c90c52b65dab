package org.kontor.host.storefront;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.kontor.host.analytics.Consent;
import org.kontor.api.domain.InvalidDomainNameException;
import org.kontor.api.domain.Tld;
import org.kontor.api.money.Money;
import org.kontor.api.web.Access;
import org.kontor.host.addons.AddonCatalog;
import org.kontor.host.catalog.CatalogOperation;
import org.kontor.host.catalog.CatalogStore;
import org.kontor.host.catalog.TldEntry;
import org.kontor.host.catalog.TldGroup;
import org.kontor.host.search.DomainSearch;
import org.kontor.host.search.SearchApi;
import org.kontor.host.search.SearchQuery;
import org.kontor.host.search.Suggestion;
import org.kontor.host.search.TldResult;
import org.kontor.host.security.WebSessions;
import org.kontor.host.themes.ThemeRenderer;

/**
 * The storefront's own pages (ORD-1 … ORD-4, ORD-15, PLT-4), rendered by the active theme in the visitor's language:
 * <ul>
 *   <li>{@code GET /}: the search box, the TLD groups and featured prices ({@code index.ftlh});</li>
 *   <li>{@code GET /search?q=…[&group=…][&live=1]}: the name normalised (Unicode and ACE form), the results grouped by
 *       TLD group with prices in the visitor's currency and VAT as their country expects, an add-to-cart form per
 *       available name, transfer links for taken ones, suggestions ({@code search.ftlh}). With {@code live=1} the page
 *       comes at once and {@code search.js} fills it from {@code /api/v1/search/stream} as each registry answers.</li>
 * </ul>
 * Pages for visitors who are not signed in come from the {@link PageCache}.
 */
public final class StorefrontRoutes {

    /** Most TLDs with their prices on the home page. */
    static final int FEATURED = 8;

    private final DomainSearch search;
    private final CatalogStore catalog;
    private final ThemeRenderer renderer;
    private final Supplier<String> themeName;
    private final VisitorChoices visitors;
    private final WebSessions sessions;
    private final PageCache cache;
    private final VatDisplay vat;
    private final BiPredicate<Tld, Currency> transferable;
    private final BiPredicate<TldEntry, Currency> orderable;
    private final AddonCatalog addons;
    private volatile Set<Currency> currencies;

    /**
     * @param transferable whether a taken name under a TLD can be transferred in, priced in the currency
     * @param orderable    whether names under a catalog entry can be ordered now in the currency (the home page shows
     *                     only those)
     */
    public StorefrontRoutes(DomainSearch search, CatalogStore catalog, ThemeRenderer renderer, Supplier<String> themeName,
                            VisitorChoices visitors, WebSessions sessions, PageCache cache, VatDisplay vat,
                            BiPredicate<Tld, Currency> transferable, BiPredicate<TldEntry, Currency> orderable) {
        this(search, catalog, renderer, themeName, visitors, sessions, cache, vat, transferable, orderable, null);
    }

    /** @param addons the add-on products the hosting page offers, or null for none */
    public StorefrontRoutes(DomainSearch search, CatalogStore catalog, ThemeRenderer renderer, Supplier<String> themeName,
                            VisitorChoices visitors, WebSessions sessions, PageCache cache, VatDisplay vat,
                            BiPredicate<Tld, Currency> transferable, BiPredicate<TldEntry, Currency> orderable,
                            AddonCatalog addons) {
        this.addons = addons;
        this.search = search;
        this.catalog = catalog;
        this.renderer = renderer;
        this.themeName = themeName;
        this.visitors = visitors;
        this.sessions = sessions;
        this.cache = cache;
        this.vat = vat;
        this.transferable = transferable;
        this.orderable = orderable;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> page(ctx, "index.ftlh", this::home), Access.PUBLIC);
        routes.get("/search", ctx -> page(ctx, "search.ftlh", this::results), Access.PUBLIC);
        routes.get("/domains", ctx -> page(ctx, "domains.ftlh", this::priceList), Access.PUBLIC);
        routes.get("/hosting", ctx -> page(ctx, "hosting.ftlh", this::hosting), Access.PUBLIC);
    }

    /** Call when the catalog, prices, plugins or their settings changed: stored pages and currencies are dropped. */
    public void invalidate() {
        currencies = null;
        cache.invalidate();
    }

    /** The currencies the catalog has registration prices in. */
    public Set<Currency> currencies() {
        Set<Currency> known = currencies;
        if (known == null) {
            Set<Currency> found = new TreeSet<>(Comparator.comparing(Currency::getCurrencyCode));
            for (TldEntry entry : catalog.all()) {
                catalog.pricesOf(entry.tld()).getOrDefault(CatalogOperation.REGISTER, List.of())
                        .forEach(price -> found.add(price.currency()));
            }
            known = Set.copyOf(found);
            currencies = known;
        }
        return known;
    }

    /** What a page handler gives: its model, and the status (200 unless the input was refused). */
    private record Page(int status, Map<String, Object> model) {
    }

    @FunctionalInterface
    private interface PageModel {
        Page of(Context ctx, Visitor visitor);
    }

    private void page(Context ctx, String template, PageModel model) {
        long started = System.nanoTime();
        Visitor visitor = visitors.of(ctx);
        boolean cacheable = cache.enabled() && !visitor.signedIn();
        PageCache.Key key = new PageCache.Key(ctx.path() + "?" + Objects.requireNonNullElse(ctx.queryString(), ""),
                visitor.language(), visitor.currency().getCurrencyCode(), visitor.country().orElse(""), themeName.get(),
                Consent.of(ctx).value());
        if (cacheable) {
            Optional<String> stored = cache.get(key);
            if (stored.isPresent()) {
                ctx.header("X-Page-Cache", "hit");
                send(ctx, stored.get());
                return;
            }
        }
        long generation = cache.generation();
        Page page = model.of(ctx, visitor);
        ctx.status(page.status());
        if (cacheable) {
            ctx.attribute(PageCache.FOR_CACHE, true);
        }
        String html = renderer.render(template, page.model(), ctx);
        ctx.attribute(PageCache.FOR_CACHE, false);
        if (cacheable && ctx.status().getCode() == 200) {
            cache.put(key, html, generation);
            ctx.header("X-Page-Cache", "miss");
        }
        Object registry = page.model().get("registryTime");
        if (registry instanceof java.time.Duration time) {
            ctx.header("Server-Timing", SearchApi.serverTiming(time, System.nanoTime() - started));
        }
        send(ctx, html);
    }

    /** Sends a page, with the visitor's own CSRF token where it has the slot for one. */
    private void send(Context ctx, String html) {
        String body = html;
        if (body.contains(PageCache.TOKEN_SLOT)) {
            body = body.replace(PageCache.TOKEN_SLOT, sessions.csrfToken(ctx));
            ctx.header("Cache-Control", "private, no-store");
        }
        ctx.html(body);
    }

    // ---------------------------------------------------------------- home

    private Page home(Context ctx, Visitor visitor) {
        VatDisplay.Rule rule = vat.rule(visitor.country(), visitor.business());
        Map<String, Object> model = common(visitor, rule);
        List<Map<String, Object>> groups = new ArrayList<>();
        Map<Tld, Optional<Money>> prices = new LinkedHashMap<>();
        catalog.all().stream().filter(entry -> !entry.enabled() || !orderable.test(entry, visitor.currency()))
                .forEach(entry -> prices.put(entry.tld(), Optional.empty()));
        for (TldGroup group : catalog.groups()) {
            List<Map<String, Object>> tlds = new ArrayList<>();
            for (Tld tld : group.tlds()) {
                Optional<Money> price = prices.computeIfAbsent(tld, t -> registerPrice(t, visitor.currency()));
                price.ifPresent(p -> tlds.add(Map.of("tld", tld.unicode(), "ascii", tld.ascii(),
                        "price", PriceFormat.format(rule.show(p).amount(), visitor.language()))));
            }
            if (!tlds.isEmpty()) {
                groups.add(Map.of("id", group.id(), "name", group.name(visitor.language()), "tlds", tlds));
            }
        }
        List<Map<String, Object>> featured = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Map<String, Object> group : groups) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> tlds = (List<Map<String, Object>>) group.get("tlds");
            for (Map<String, Object> tld : tlds) {
                if (featured.size() < FEATURED && seen.add((String) tld.get("ascii"))) {
                    featured.add(tld);
                }
            }
        }
        model.put("groups", groups);
        model.put("featured", featured);
        return new Page(200, model);
    }

    // ---------------------------------------------------------------- price list and hosting

    /** Every TLD that can be ordered now in the visitor's currency, with its prices for one year, by TLD. */
    private Page priceList(Context ctx, Visitor visitor) {
        VatDisplay.Rule rule = vat.rule(visitor.country(), visitor.business());
        Map<String, Object> model = common(visitor, rule);
        List<Map<String, Object>> rows = new ArrayList<>();
        catalog.all().stream().filter(entry -> entry.enabled() && orderable.test(entry, visitor.currency()))
                .sorted(Comparator.comparing(entry -> entry.tld().unicode()))
                .forEach(entry -> {
                    Map<CatalogOperation, List<Money>> prices = catalog.pricesOf(entry.tld());
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("tld", entry.tld().unicode());
                    row.put("ascii", entry.tld().ascii());
                    for (CatalogOperation operation : List.of(CatalogOperation.REGISTER, CatalogOperation.RENEW,
                            CatalogOperation.TRANSFER)) {
                        row.put(operation.name().toLowerCase(Locale.ROOT), prices.getOrDefault(operation, List.of())
                                .stream().filter(price -> price.currency().equals(visitor.currency())).findFirst()
                                .map(price -> PriceFormat.format(rule.show(price).amount(), visitor.language()))
                                .orElse(""));
                    }
                    rows.add(row);
                });
        model.put("tlds", rows);
        return new Page(200, model);
    }

    /** The add-on products (web hosting, e-mail, domain services) with their prices in the visitor's currency. */
    private Page hosting(Context ctx, Visitor visitor) {
        VatDisplay.Rule rule = vat.rule(visitor.country(), visitor.business());
        Map<String, Object> model = common(visitor, rule);
        List<Map<String, Object>> offers = new ArrayList<>();
        if (addons != null) {
            addons.offered().forEach(product -> addons.price(product.id(), visitor.currency()).ifPresent(price -> {
                Map<String, Object> offer = new LinkedHashMap<>();
                offer.put("id", product.id());
                offer.put("name", product.name());
                offer.put("description", product.description());
                offer.put("perDomain", product.perDomain());
                offer.put("price", PriceFormat.format(rule.show(price.amount()).amount(), visitor.language()));
                offer.put("months", price.periodMonths());
                offers.add(offer);
            }));
        }
        model.put("offers", offers);
        return new Page(200, model);
    }

    private Optional<Money> registerPrice(Tld tld, Currency currency) {
        return catalog.pricesOf(tld).getOrDefault(CatalogOperation.REGISTER, List.of()).stream()
                .filter(price -> price.currency().equals(currency)).findFirst();
    }

    // ---------------------------------------------------------------- search

    private Page results(Context ctx, Visitor visitor) {
        VatDisplay.Rule rule = vat.rule(visitor.country(), visitor.business());
        Map<String, Object> model = common(visitor, rule);
        String q = Objects.requireNonNullElse(ctx.queryParam("q"), "").strip();
        boolean live = "1".equals(ctx.queryParam("live"));
        model.put("q", q);
        model.put("live", live);
        model.put("offers", List.of());
        List<TldGroup> groups = catalog.groups();
        String groupId = Objects.requireNonNullElse(ctx.queryParam("group"), "").strip();
        Optional<TldGroup> group = groups.stream().filter(g -> g.id().equals(groupId)).findFirst();
        model.put("group", group.map(TldGroup::id).orElse(""));
        model.put("groupChoices", groups.stream().map(g -> Map.of("id", g.id(), "name", g.name(visitor.language())))
                .toList());
        if (q.isEmpty()) {
            return new Page(200, model);
        }
        if (!groupId.isEmpty() && group.isEmpty()) {
            model.put("error", "group-unknown");
            return new Page(400, model);
        }
        SearchQuery query;
        try {
            query = SearchQuery.parse(q);
        } catch (InvalidDomainNameException e) {
            model.put("error", "name-" + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            return new Page(422, model);
        }
        model.put("query", Map.of("label", query.label(), "ascii", query.ascii(), "idn", query.isIdn(),
                "tld", query.wished().map(Tld::unicode).orElse(""),
                "tldAscii", query.wished().map(Tld::ascii).orElse("")));
        if (live) {
            model.put("transferTlds", catalog.all().stream().filter(TldEntry::enabled).map(TldEntry::tld)
                    .filter(tld -> transferable.test(tld, visitor.currency())).map(Tld::ascii).toList());
            model.put("sections", List.of());
            model.put("suggestions", List.of());
            return new Page(200, model);
        }
        DomainSearch.Result result = search.search(query, visitor.currency(), group);
        model.put("registryTime", result.registryTime());
        List<TldGroup> order = new ArrayList<>(groups);
        group.ifPresent(chosen -> {
            order.removeIf(g -> g.id().equals(chosen.id()));
            order.add(0, chosen);
        });
        model.put("sections", sections(result, order, visitor, rule, query));
        model.put("suggestions", result.suggestions().stream().map(s -> suggestion(s, visitor, rule)).toList());
        model.put("offers", result.offers().stream().map(offer -> offer(offer, visitor)).toList());
        return new Page(200, model);
    }

    /** An aftermarket offer as the seller asks for it: in the seller's currency, as the provider quotes it. */
    private static Map<String, Object> offer(org.kontor.host.search.MarketOffer market, Visitor visitor) {
        var offer = market.offer();
        return Map.of("name", offer.name().unicode(), "ascii", offer.name().ascii(),
                "price", PriceFormat.format(offer.price(), visitor.language()), "link", offer.link().toString(),
                "provider", market.providerName());
    }

    /**
     * The results in sections: the wished name first (when a TLD was typed), then one per TLD group in the order given
     * (the chosen group first), then the TLDs in no group. A TLD in several groups is shown once, in the first.
     */
    private List<Map<String, Object>> sections(DomainSearch.Result result, List<TldGroup> groups, Visitor visitor,
                                               VatDisplay.Rule rule, SearchQuery query) {
        List<Map<String, Object>> sections = new ArrayList<>();
        Set<String> shown = new LinkedHashSet<>();
        Map<String, Boolean> transfers = new LinkedHashMap<>();
        java.util.function.Function<TldResult, Map<String, Object>> row = r -> row(r, visitor, rule,
                transfers.computeIfAbsent(r.name().tld().ascii(), t -> r.status() == TldResult.Status.TAKEN
                        && transferable.test(r.name().tld(), visitor.currency())));
        query.wished().ifPresent(wished -> result.results().stream()
                .filter(r -> r.name().tld().equals(wished)).findFirst().ifPresent(r -> {
                    shown.add(r.name().ascii());
                    sections.add(section("exact", "", List.of(row.apply(r))));
                }));
        for (TldGroup group : groups) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (TldResult r : result.results()) {
                if (r.groups().contains(group.id()) && shown.add(r.name().ascii())) {
                    rows.add(row.apply(r));
                }
            }
            if (!rows.isEmpty()) {
                sections.add(section(group.id(), group.name(visitor.language()), rows));
            }
        }
        List<Map<String, Object>> rest = new ArrayList<>();
        for (TldResult r : result.results()) {
            if (shown.add(r.name().ascii())) {
                rest.add(row.apply(r));
            }
        }
        if (!rest.isEmpty()) {
            sections.add(section("other", "", rest));
        }
        return sections;
    }

    private static Map<String, Object> section(String id, String name, List<Map<String, Object>> rows) {
        return Map.of("id", id, "name", name, "results", rows);
    }

    private static Map<String, Object> row(TldResult result, Visitor visitor, VatDisplay.Rule rule, boolean transfer) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", result.name().unicode());
        row.put("ascii", result.name().ascii());
        row.put("idn", result.name().isIdn());
        row.put("tld", result.name().tld().unicode());
        row.put("status", result.status().name().toLowerCase(Locale.ROOT));
        row.put("reason", Objects.requireNonNullElse(result.reason(), ""));
        row.put("price", PriceFormat.format(rule.show(result.price()).amount(), visitor.language()));
        row.put("transfer", transfer);
        return row;
    }

    private static Map<String, Object> suggestion(Suggestion suggestion, Visitor visitor, VatDisplay.Rule rule) {
        return Map.of("name", suggestion.name().unicode(), "ascii", suggestion.name().ascii(),
                "idn", suggestion.name().isIdn(),
                "kind", suggestion.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                "price", PriceFormat.format(rule.show(suggestion.price()).amount(), visitor.language()));
    }

    /** What both pages show: currency choice and how VAT is shown. */
    private Map<String, Object> common(Visitor visitor, VatDisplay.Rule rule) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("currency", visitor.currency().getCurrencyCode());
        model.put("currencies", currencies().stream().map(Currency::getCurrencyCode).toList());
        model.put("country", visitor.country().orElse(""));
        model.put("vat", Map.of("included", rule.includesVat(), "rate", rule.ratePercent().stripTrailingZeros().toPlainString(),
                "labelKey", rule.labelKey()));
        return model;
    }
}
