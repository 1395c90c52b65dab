package org.kontor.host.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kontor.api.domain.InvalidDomainNameException;
import org.kontor.api.domain.Tld;
import org.kontor.api.money.Money;
import org.kontor.api.web.Access;
import org.kontor.host.catalog.CatalogOperation;
import org.kontor.host.catalog.CatalogRules;
import org.kontor.host.catalog.CatalogStore;
import org.kontor.host.catalog.CatalogValidationException;
import org.kontor.host.catalog.HolderType;
import org.kontor.host.catalog.LaunchPhase;
import org.kontor.host.catalog.Phase;
import org.kontor.host.catalog.TldEntry;
import org.kontor.host.catalog.TldGroup;
import org.kontor.host.catalog.YearRange;
import org.kontor.host.web.ProblemException;

/**
 * Enabling TLDs in the admin (ADM-4, ADM-5 for domain prices): the catalog's TLDs with their state, groups and
 * prices; a page per TLD to change all the catalog holds of it (enabled, registry, periods, IDN, holder rules, launch
 * phases, groups, prices per operation and currency). The catalog's own validation decides what is accepted; nothing is
 * stored unless the whole form is. A change tells the catalog's listeners, which drop the storefront's cached pages.
 */
public final class TldAdminPages {

    private static final Pattern PHASE_FIELD = Pattern.compile("phases\\[(\\d+)]\\.(\\w+)");
    private static final int MAX_PHASES = 20;

    private final CatalogStore catalog;
    private final CatalogRules rules;
    private final AdminView view;
    private final Clock clock;

    public TldAdminPages(CatalogStore catalog, CatalogRules rules, AdminView view, Clock clock) {
        this.catalog = catalog;
        this.rules = rules;
        this.view = view;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/tlds", this::list, Access.ADMIN);
        routes.post("/admin/tlds", this::add, Access.ADMIN);
        routes.get("/admin/tlds/{tld}", this::show, Access.ADMIN);
        routes.post("/admin/tlds/{tld}", this::save, Access.ADMIN);
        routes.post("/admin/tlds/{tld}/enable", ctx -> enable(ctx, true), Access.ADMIN);
        routes.post("/admin/tlds/{tld}/disable", ctx -> enable(ctx, false), Access.ADMIN);
    }

    private void list(Context ctx) {
        renderList(ctx, "", Map.of());
    }

    private void renderList(Context ctx, String newTld, Map<String, Map<String, String>> errors) {
        List<TldGroup> groups = catalog.groups();
        String language = view.language(ctx);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TldEntry entry : catalog.all()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("tld", entry.tld().ascii());
            row.put("unicode", entry.tld().unicode());
            row.put("enabled", entry.enabled());
            row.put("registry", entry.registryId() == null ? "" : entry.registryId());
            row.put("registryRunning", rules.registryAvailable(entry));
            row.put("groups", groups.stream().filter(g -> g.tlds().contains(entry.tld())).map(g -> g.name(language)).toList());
            row.put("prices", catalog.pricesOf(entry.tld()).values().stream().mapToInt(List::size).sum());
            row.put("phase", rules.currentPhase(entry.tld(), clock.instant()).map(Enum::name).orElse(""));
            rows.add(row);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("tlds", rows);
        page.put("done", param(ctx, "done"));
        page.put("tld", param(ctx, "tld"));
        page.put("newTld", newTld);
        page.put("errors", errors);
        view.render(ctx, "tlds.ftlh", page);
    }

    /** Adds a TLD to the catalog, disabled, with the widest periods and no rules; it is then edited on its page. */
    private void add(Context ctx) {
        String text = AdminForms.text(ctx, "newTld");
        Tld tld = null;
        AdminForms.Errors errors = new AdminForms.Errors();
        try {
            tld = Tld.of(text.startsWith(".") ? text.substring(1) : text);
        } catch (InvalidDomainNameException e) {
            errors.add("newTld", text.isEmpty() ? "required" : "invalid");
        }
        if (tld != null && catalog.contains(tld)) {
            errors.add("newTld", "tld-exists");
        }
        if (!errors.isEmpty()) {
            ctx.status(422);
            renderList(ctx, text, errors.asMap());
            return;
        }
        catalog.put(new TldEntry(tld, false, null, new YearRange(1, YearRange.LONGEST), new YearRange(1, YearRange.LONGEST),
                false, null, Map.of(), Set.of(), null, List.of()));
        ctx.redirect("/admin/tlds/" + tld.ascii() + "?done=added", HttpStatus.SEE_OTHER);
    }

    private void enable(Context ctx, boolean enabled) {
        TldEntry entry = entry(ctx);
        catalog.setEnabled(entry.tld(), enabled);
        ctx.redirect("/admin/tlds?done=" + (enabled ? "enabled" : "disabled") + "&tld=" + entry.tld().ascii(),
                HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx) {
        TldEntry entry = entry(ctx);
        render(ctx, entry, form(entry), Map.of());
    }

    private void render(Context ctx, TldEntry entry, Map<String, Object> form, Map<String, Map<String, String>> errors) {
        String language = view.language(ctx);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("tld", entry.tld().ascii());
        page.put("unicode", entry.tld().unicode());
        page.put("form", form);
        page.put("errors", errors);
        page.put("holderTypes", Arrays.stream(HolderType.values()).map(Enum::name).toList());
        page.put("phaseNames", Arrays.stream(Phase.values()).map(Enum::name).toList());
        page.put("operations", Arrays.stream(CatalogOperation.values()).map(Enum::name).toList());
        page.put("groups", catalog.groups().stream().map(group -> Map.of("id", group.id(), "name", group.name(language)))
                .toList());
        page.put("done", param(ctx, "done"));
        view.render(ctx, "tld.ftlh", page);
    }

    /** The form's values for a stored entry. */
    private Map<String, Object> form(TldEntry entry) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("enabled", entry.enabled());
        form.put("registryId", entry.registryId() == null ? "" : entry.registryId());
        form.put("register.minYears", Integer.toString(entry.register().min()));
        form.put("register.maxYears", Integer.toString(entry.register().max()));
        form.put("renew.minYears", Integer.toString(entry.renew().min()));
        form.put("renew.maxYears", Integer.toString(entry.renew().max()));
        form.put("idn.allowed", entry.idnAllowed());
        form.put("idn.table", entry.idnTable() == null ? "" : entry.idnTable());
        for (HolderType type : HolderType.values()) {
            form.put("requiredFields." + type.name(), String.join(", ", new TreeSet<>(entry.requiredFields(type))));
        }
        form.put("residenceCountries", String.join(", ", new TreeSet<>(entry.residenceCountries())));
        form.put("eligibilityNote", entry.eligibilityNote() == null ? "" : entry.eligibilityNote());
        List<Map<String, String>> phases = new ArrayList<>();
        for (LaunchPhase phase : entry.phases()) {
            phases.add(Map.of("phase", phase.phase().name(), "startsAt", AdminForms.format(phase.startsAt()),
                    "endsAt", AdminForms.format(phase.endsAt())));
        }
        phases.add(Map.of("phase", "", "startsAt", "", "endsAt", ""));
        form.put("phases", phases);
        form.put("groups", catalog.groups().stream().filter(g -> g.tlds().contains(entry.tld())).map(TldGroup::id).toList());
        Set<String> currencies = new TreeSet<>();
        Map<String, String> prices = new LinkedHashMap<>();
        catalog.pricesOf(entry.tld()).forEach((operation, list) -> list.forEach(price -> {
            currencies.add(price.currencyCode());
            prices.put(operation.name() + "." + price.currencyCode(), price.amount().toPlainString());
        }));
        form.put("currencies", List.copyOf(currencies));
        form.put("prices", prices);
        form.put("newPrice.operation", CatalogOperation.REGISTER.name());
        form.put("newPrice.currency", "");
        form.put("newPrice.amount", "");
        return form;
    }

    private void save(Context ctx) {
        TldEntry old = entry(ctx);
        Tld tld = old.tld();
        AdminForms.Errors errors = new AdminForms.Errors();
        Map<String, Object> form = new LinkedHashMap<>();

        boolean enabled = AdminForms.checked(ctx, "enabled");
        form.put("enabled", enabled);
        String registryId = AdminForms.text(ctx, "registryId");
        form.put("registryId", registryId);
        YearRange register = range(ctx, "register", form, errors);
        YearRange renew = range(ctx, "renew", form, errors);
        boolean idn = AdminForms.checked(ctx, "idn.allowed");
        String idnTable = AdminForms.text(ctx, "idn.table");
        form.put("idn.allowed", idn);
        form.put("idn.table", idnTable);
        Map<HolderType, Set<String>> fields = new EnumMap<>(HolderType.class);
        for (HolderType type : HolderType.values()) {
            String text = AdminForms.text(ctx, "requiredFields." + type.name());
            form.put("requiredFields." + type.name(), text);
            Set<String> names = AdminForms.list(text);
            if (!names.isEmpty()) {
                fields.put(type, names);
            }
        }
        String countriesText = AdminForms.text(ctx, "residenceCountries");
        form.put("residenceCountries", countriesText);
        Set<String> countries = new TreeSet<>();
        AdminForms.list(countriesText).forEach(country -> countries.add(country.toUpperCase(Locale.ROOT)));
        String note = AdminForms.text(ctx, "eligibilityNote");
        form.put("eligibilityNote", note);

        List<Map<String, String>> phaseRows = new ArrayList<>();
        List<LaunchPhase> phases = new ArrayList<>();
        List<Integer> phaseRowOf = new ArrayList<>();
        for (int i = 0; i < MAX_PHASES && ctx.formParam("phases[" + i + "].phase") != null; i++) {
            String at = "phases[" + i + "]";
            String name = AdminForms.text(ctx, at + ".phase");
            String starts = AdminForms.text(ctx, at + ".startsAt");
            String ends = AdminForms.text(ctx, at + ".endsAt");
            if (name.isEmpty() && starts.isEmpty() && ends.isEmpty()) {
                continue;
            }
            phaseRows.add(Map.of("phase", name, "startsAt", starts, "endsAt", ends));
            int row = phaseRows.size() - 1;
            Optional<Phase> phase = Arrays.stream(Phase.values()).filter(p -> p.name().equals(name)).findFirst();
            if (phase.isEmpty()) {
                errors.add("phases[" + row + "].phase", "choice-invalid");
            }
            Instant startsAt = AdminForms.instant(starts);
            if (startsAt == null) {
                errors.add("phases[" + row + "].startsAt", starts.isEmpty() ? "required" : "date-invalid");
            }
            Instant endsAt = ends.isEmpty() ? null : AdminForms.instant(ends);
            if (!ends.isEmpty() && endsAt == null) {
                errors.add("phases[" + row + "].endsAt", "date-invalid");
            }
            if (phase.isPresent() && startsAt != null) {
                phases.add(new LaunchPhase(phase.get(), startsAt, endsAt));
                phaseRowOf.add(row);
            }
        }
        List<Map<String, String>> shownPhases = new ArrayList<>(phaseRows);
        shownPhases.add(Map.of("phase", "", "startsAt", "", "endsAt", ""));
        form.put("phases", shownPhases);

        List<String> groupIds = ctx.formParams("groups");
        form.put("groups", groupIds);
        List<TldGroup> groups = catalog.groups();
        if (!groupIds.stream().allMatch(id -> groups.stream().anyMatch(group -> group.id().equals(id)))) {
            errors.add("groups", "choice-invalid");
        }

        Map<CatalogOperation, Map<Currency, Money>> prices = prices(ctx, old, form, errors);

        TldEntry entry = new TldEntry(tld, enabled, registryId.isEmpty() ? null : registryId, register, renew, idn,
                idn ? idnTable : (idnTable.isEmpty() ? null : idnTable), fields, countries, note.isEmpty() ? null : note,
                phases);
        try {
            catalog.check(entry);
        } catch (CatalogValidationException e) {
            e.fieldErrors().keySet().forEach(field -> refused(field, phaseRowOf, errors));
        }
        if (!errors.isEmpty()) {
            ctx.status(422);
            render(ctx, old, form, errors.asMap());
            return;
        }
        catalog.put(entry);
        Map<CatalogOperation, List<Money>> stored = catalog.pricesOf(tld);
        stored.forEach((operation, list) -> list.forEach(price -> {
            if (!prices.getOrDefault(operation, Map.of()).containsKey(price.currency())) {
                catalog.prices().remove(tld, operation.chargeKind(), price.currency());
            }
        }));
        prices.forEach((operation, byCurrency) -> byCurrency.forEach((currency, price) -> {
            if (!stored.getOrDefault(operation, List.of()).contains(price)) {
                catalog.setPrice(tld, operation, price);
            }
        }));
        for (TldGroup group : groups) {
            boolean member = group.tlds().contains(tld);
            boolean wanted = groupIds.contains(group.id());
            if (member != wanted) {
                List<Tld> members = new ArrayList<>(group.tlds());
                if (wanted) {
                    members.add(tld);
                } else {
                    members.remove(tld);
                }
                catalog.putGroup(new TldGroup(group.id(), group.names(), group.position(), members));
            }
        }
        ctx.redirect("/admin/tlds/" + tld.ascii() + "?done=saved", HttpStatus.SEE_OTHER);
    }

    /**
     * The prices the form asks for: the grid's cells (an empty cell removes the price) and the new price row; each
     * must be an amount above zero in its currency.
     */
    private Map<CatalogOperation, Map<Currency, Money>> prices(Context ctx, TldEntry old, Map<String, Object> form,
                                                              AdminForms.Errors errors) {
        Map<CatalogOperation, Map<Currency, Money>> prices = new EnumMap<>(CatalogOperation.class);
        Set<String> currencies = new TreeSet<>();
        catalog.pricesOf(old.tld()).values().forEach(list -> list.forEach(price -> currencies.add(price.currencyCode())));
        Map<String, String> cells = new LinkedHashMap<>();
        for (String code : currencies) {
            Currency currency = Currency.getInstance(code);
            for (CatalogOperation operation : CatalogOperation.values()) {
                String field = "price." + operation.name() + "." + code;
                String text = AdminForms.text(ctx, field);
                cells.put(operation.name() + "." + code, text);
                if (!text.isEmpty()) {
                    Money price = AdminForms.money(text, currency);
                    if (price == null || !price.isPositive()) {
                        errors.add(field, "price-invalid");
                    } else {
                        prices.computeIfAbsent(operation, k -> new LinkedHashMap<>()).put(currency, price);
                    }
                }
            }
        }
        form.put("currencies", List.copyOf(currencies));
        form.put("prices", cells);
        String operationName = AdminForms.text(ctx, "newPrice.operation");
        String currencyCode = AdminForms.text(ctx, "newPrice.currency").toUpperCase(Locale.ROOT);
        String amount = AdminForms.text(ctx, "newPrice.amount");
        form.put("newPrice.operation", operationName);
        form.put("newPrice.currency", currencyCode);
        form.put("newPrice.amount", amount);
        if (!currencyCode.isEmpty() || !amount.isEmpty()) {
            Optional<CatalogOperation> operation = Arrays.stream(CatalogOperation.values())
                    .filter(o -> o.name().equals(operationName)).findFirst();
            Currency currency = AdminForms.currency(currencyCode);
            if (operation.isEmpty()) {
                errors.add("newPrice.operation", "choice-invalid");
            }
            if (currency == null) {
                errors.add("newPrice.currency", currencyCode.isEmpty() ? "required" : "currency-code");
            }
            Money price = currency == null ? null : AdminForms.money(amount, currency);
            if (currency != null && (price == null || !price.isPositive())) {
                errors.add("newPrice.amount", amount.isEmpty() ? "required" : "price-invalid");
            }
            if (operation.isPresent() && price != null && price.isPositive()) {
                if (prices.getOrDefault(operation.get(), Map.of()).containsKey(currency)) {
                    errors.add("newPrice.currency", "price-exists");
                } else {
                    prices.computeIfAbsent(operation.get(), k -> new LinkedHashMap<>()).put(currency, price);
                }
            }
        }
        return prices;
    }

    private static YearRange range(Context ctx, String name, Map<String, Object> form, AdminForms.Errors errors) {
        String min = name + ".minYears";
        String max = name + ".maxYears";
        form.put(min, AdminForms.text(ctx, min));
        form.put(max, AdminForms.text(ctx, max));
        Integer from = AdminForms.integer(ctx, min, "years-range", errors);
        Integer to = AdminForms.integer(ctx, max, "years-range", errors);
        if (from == null && !errors.has(min)) {
            errors.add(min, "required");
        }
        if (to == null && !errors.has(max)) {
            errors.add(max, "required");
        }
        return new YearRange(from == null ? 1 : from, to == null ? YearRange.LONGEST : to);
    }

    /** A field the catalog's validation refused, as the form names it, with the message code for it. */
    private static void refused(String field, List<Integer> phaseRowOf, AdminForms.Errors errors) {
        Matcher phase = PHASE_FIELD.matcher(field);
        if (phase.matches()) {
            int row = phaseRowOf.get(Integer.parseInt(phase.group(1)));
            String part = phase.group(2);
            errors.add("phases[" + row + "]." + part, part.equals("endsAt") ? "phase-order" : "phase-overlap");
        } else if (field.startsWith("register") || field.startsWith("renew")) {
            errors.add(field.contains(".") ? field : field + ".minYears", "years-range");
        } else if (field.equals("registryId")) {
            errors.add(field, "registry-id");
        } else if (field.equals("idn.table")) {
            errors.add(field, "idn-table-required");
        } else if (field.startsWith("requiredFields.")) {
            errors.add(field, "field-names");
        } else if (field.equals("residenceCountries")) {
            errors.add(field, "countries");
        } else {
            errors.add(field, "invalid");
        }
    }

    private TldEntry entry(Context ctx) {
        String text = ctx.pathParam("tld");
        try {
            Tld tld = Tld.of(text);
            return catalog.find(tld).orElseThrow(() -> ProblemException.notFound("." + text + " is not in the catalog."));
        } catch (InvalidDomainNameException e) {
            throw ProblemException.notFound("." + text + " is not in the catalog.");
        }
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value;
    }
}
