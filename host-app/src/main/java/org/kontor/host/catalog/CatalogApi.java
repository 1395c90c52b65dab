package org.kontor.host.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.InvalidDomainNameException;
import org.kontor.api.domain.Period;
import org.kontor.api.domain.Tld;
import org.kontor.api.money.Money;
import org.kontor.api.web.Access;
import org.kontor.host.web.Problem;
import org.kontor.host.web.ProblemException;
import org.kontor.host.web.RequestBodies;

/**
 * The catalog's JSON API.
 *
 * <p>For operators ({@link Access#ADMIN}): {@code GET /api/v1/catalog/tlds}, {@code GET|PUT|DELETE
 * /api/v1/catalog/tlds/{tld}}, {@code POST /api/v1/catalog/tlds/{tld}/enable|disable}, {@code PUT|DELETE
 * /api/v1/catalog/tlds/{tld}/prices/{operation}/{currency}}, {@code GET /api/v1/catalog/groups}, {@code PUT|DELETE
 * /api/v1/catalog/groups/{id}}. Refused data answers 422 problem+json with one message per field.
 *
 * <p>For everyone ({@link Access#PUBLIC}): {@code GET /api/v1/catalog?currency=DKK&lang=da}, the storefront's view
 * (enabled TLDs with prices in one currency, whether each can be ordered now and why not, the current phase, the
 * groups named in one language), cacheable with an ETag; and {@code POST /api/v1/catalog/check}, the rules an
 * order of a name would break.
 */
public final class CatalogApi {

    static final String DEFAULT_CURRENCY = "EUR";
    private static final String ADMIN = "/api/v1/catalog";

    private final CatalogStore store;
    private final CatalogRules rules;
    private final ObjectMapper json;
    private final Clock clock;

    public CatalogApi(CatalogStore store, CatalogRules rules, ObjectMapper json, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.json = json;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/catalog", this::publicCatalog, Access.PUBLIC);
        routes.post("/api/v1/catalog/check", this::check, Access.PUBLIC);
        routes.get(ADMIN + "/tlds", ctx -> ctx.json(store.all().stream().map(this::adminView).toList()), Access.ADMIN);
        routes.get(ADMIN + "/tlds/{tld}", ctx -> ctx.json(adminView(existing(tld(ctx)))), Access.ADMIN);
        routes.put(ADMIN + "/tlds/{tld}", this::putTld, Access.ADMIN);
        routes.delete(ADMIN + "/tlds/{tld}", this::deleteTld, Access.ADMIN);
        routes.post(ADMIN + "/tlds/{tld}/enable", ctx -> enable(ctx, true), Access.ADMIN);
        routes.post(ADMIN + "/tlds/{tld}/disable", ctx -> enable(ctx, false), Access.ADMIN);
        routes.put(ADMIN + "/tlds/{tld}/prices/{operation}/{currency}", this::putPrice, Access.ADMIN);
        routes.delete(ADMIN + "/tlds/{tld}/prices/{operation}/{currency}", this::deletePrice, Access.ADMIN);
        routes.get(ADMIN + "/groups", ctx -> ctx.json(store.groups().stream().map(CatalogApi::adminView).toList()), Access.ADMIN);
        routes.put(ADMIN + "/groups/{id}", this::putGroup, Access.ADMIN);
        routes.delete(ADMIN + "/groups/{id}", this::deleteGroup, Access.ADMIN);
    }

    // ---------------------------------------------------------------- operator

    private void putTld(Context ctx) {
        Tld tld = tld(ctx);
        JsonNode body = body(ctx);
        Map<String, String> errors = new LinkedHashMap<>();
        TldEntry entry = parseEntry(tld, body, errors);
        List<Money[]> prices = new ArrayList<>();
        List<CatalogOperation> priceOperations = new ArrayList<>();
        boolean replacePrices = body.has("prices") && !body.get("prices").isNull();
        if (replacePrices) {
            parsePrices(body.get("prices"), prices, priceOperations, errors);
        }
        try {
            CatalogValidator.check(entry);
        } catch (CatalogValidationException e) {
            e.fieldErrors().forEach(errors::putIfAbsent);
        }
        if (!errors.isEmpty()) {
            throw invalid(tld, new CatalogValidationException(errors));
        }
        boolean created = !store.contains(tld);
        try {
            store.put(entry);
            if (replacePrices) {
                Set<String> kept = new LinkedHashSet<>();
                for (int i = 0; i < prices.size(); i++) {
                    store.setPrice(tld, priceOperations.get(i), prices.get(i)[0]);
                    kept.add(priceOperations.get(i) + "/" + prices.get(i)[0].currencyCode());
                }
                store.pricesOf(tld).forEach((operation, list) -> list.forEach(price -> {
                    if (!kept.contains(operation + "/" + price.currencyCode())) {
                        store.prices().remove(tld, operation.chargeKind(), price.currency());
                    }
                }));
            }
        } catch (CatalogValidationException e) {
            throw invalid(tld, e);
        }
        ctx.status(created ? 201 : 200).json(adminView(existing(tld)));
    }

    private void deleteTld(Context ctx) {
        Tld tld = tld(ctx);
        if (!store.delete(tld)) {
            throw ProblemException.notFound("." + tld + " is not in the catalog.");
        }
        ctx.status(204);
    }

    private void enable(Context ctx, boolean enabled) {
        Tld tld = tld(ctx);
        if (!store.setEnabled(tld, enabled)) {
            throw ProblemException.notFound("." + tld + " is not in the catalog.");
        }
        ctx.json(adminView(existing(tld)));
    }

    private void putPrice(Context ctx) {
        Tld tld = existing(tld(ctx)).tld();
        CatalogOperation operation = operation(ctx.pathParam("operation"), "operation");
        Currency currency = currency(ctx.pathParam("currency"), "currency");
        JsonNode amount = body(ctx).get("amount");
        Money price = money(amount, currency, "amount");
        try {
            store.setPrice(tld, operation, price);
        } catch (CatalogValidationException e) {
            throw invalid(tld, e);
        }
        ctx.json(adminView(existing(tld)));
    }

    private void deletePrice(Context ctx) {
        Tld tld = existing(tld(ctx)).tld();
        CatalogOperation operation = operation(ctx.pathParam("operation"), "operation");
        Currency currency = currency(ctx.pathParam("currency"), "currency");
        if (!store.prices().remove(tld, operation.chargeKind(), currency)) {
            throw ProblemException.notFound("." + tld + " has no " + operation.jsonName() + " price in " + currency + ".");
        }
        ctx.status(204);
    }

    private void putGroup(Context ctx) {
        String id = ctx.pathParam("id");
        JsonNode body = body(ctx);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        JsonNode namesNode = body.path("names");
        if (!namesNode.isObject()) {
            errors.put("names", "The names per language are missing, e.g. {\"en\": \"Europe\", \"da\": \"Europa\"}.");
        } else {
            namesNode.fields().forEachRemaining(field -> names.put(field.getKey(), field.getValue().asText("")));
        }
        int position = body.path("position").asInt(0);
        List<Tld> tlds = new ArrayList<>();
        JsonNode members = body.path("tlds");
        if (!members.isMissingNode() && !members.isArray()) {
            errors.put("tlds", "The member TLDs are a list such as [\"dk\", \"eu\"].");
        }
        for (int i = 0; i < members.size(); i++) {
            try {
                tlds.add(Tld.of(members.get(i).asText("")));
            } catch (InvalidDomainNameException e) {
                errors.put("tlds[" + i + "]", e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw groupInvalid(id, new CatalogValidationException(errors));
        }
        boolean created = store.group(id).isEmpty();
        try {
            store.putGroup(new TldGroup(id, names, position, tlds));
        } catch (CatalogValidationException e) {
            throw groupInvalid(id, e);
        }
        ctx.status(created ? 201 : 200).json(adminView(store.group(id).orElseThrow()));
    }

    private void deleteGroup(Context ctx) {
        String id = ctx.pathParam("id");
        if (!store.deleteGroup(id)) {
            throw ProblemException.notFound("There is no TLD group '" + id + "'.");
        }
        ctx.status(204);
    }

    private Map<String, Object> adminView(TldEntry entry) {
        Map<String, Object> view = entryView(entry);
        view.put("enabled", entry.enabled());
        view.put("registryId", entry.registryId());
        view.put("phases", entry.phases().stream().map(CatalogApi::phaseView).toList());
        List<Map<String, String>> prices = new ArrayList<>();
        store.pricesOf(entry.tld()).forEach((operation, list) -> list.forEach(price -> prices.add(Map.of(
                "operation", operation.jsonName(), "currency", price.currencyCode(), "amount", price.amount().toPlainString()))));
        view.put("prices", prices);
        return view;
    }

    private static Map<String, Object> adminView(TldGroup group) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", group.id());
        view.put("position", group.position());
        view.put("names", new TreeMap<>(group.names()));
        view.put("tlds", group.tlds().stream().map(Tld::ascii).toList());
        return view;
    }

    // ---------------------------------------------------------------- public

    private void publicCatalog(Context ctx) throws JsonProcessingException {
        String code = Optional.ofNullable(ctx.queryParam("currency")).filter(c -> !c.isBlank()).orElse(DEFAULT_CURRENCY);
        Currency currency;
        try {
            currency = currency(code, "currency");
        } catch (ProblemException e) {
            throw new ProblemException(Problem.of(400, "validation", "Invalid input", "Some parameters are invalid.")
                    .withErrors(Map.of("currency", "'" + code + "' is not a currency code such as DKK or EUR.")));
        }
        String requested = Optional.ofNullable(ctx.queryParam("lang")).orElse("en").strip().toLowerCase(Locale.ROOT);
        String language = CatalogValidator.LANGUAGES.contains(requested) ? requested : "en";
        Instant now = clock.instant();
        List<Map<String, Object>> tlds = new ArrayList<>();
        Set<Tld> offered = new TreeSet<>();
        for (TldEntry entry : store.all()) {
            if (entry.enabled()) {
                offered.add(entry.tld());
                tlds.add(publicView(entry, currency, now));
            }
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        for (TldGroup group : store.groups()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", group.id());
            view.put("name", group.name(language));
            view.put("tlds", group.tlds().stream().filter(offered::contains).map(Tld::ascii).toList());
            groups.add(view);
        }
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("currency", currency.getCurrencyCode());
        catalog.put("language", language);
        catalog.put("tlds", tlds);
        catalog.put("groups", groups);
        String body = json.writeValueAsString(catalog);
        String etag = "\"" + digest(body) + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "public, max-age=60");
        String match = ctx.header("If-None-Match");
        if (match != null && (match.equals(etag) || match.equals("W/" + etag))) {
            ctx.status(304);
            return;
        }
        ctx.contentType("application/json").result(body);
    }

    private Map<String, Object> publicView(TldEntry entry, Currency currency, Instant now) {
        Map<String, Object> view = entryView(entry);
        Map<String, String> prices = new LinkedHashMap<>();
        Map<CatalogOperation, List<Money>> all = store.pricesOf(entry.tld());
        for (CatalogOperation operation : CatalogOperation.values()) {
            all.getOrDefault(operation, List.of()).stream().filter(m -> m.currency().equals(currency)).findFirst()
                    .ifPresent(m -> prices.put(operation.jsonName(), m.amount().toPlainString()));
        }
        view.put("prices", prices);
        Optional<LaunchPhase> current = CatalogRules.currentLaunchPhase(entry, now);
        Optional<Phase> phase = CatalogRules.currentPhase(entry, now);
        view.put("phase", phase.map(Enum::name).orElse(null));
        view.put("phaseEndsAt", current.map(LaunchPhase::endsAt).map(Instant::toString).orElse(null));
        entry.phases().stream().filter(p -> p.startsAt().isAfter(now)).findFirst().ifPresent(next ->
                view.put("nextPhase", phaseView(next)));
        String reason = rules.notOrderableReason(entry, currency, now).orElse(null);
        view.put("orderable", reason == null);
        if (reason != null) {
            view.put("notOrderableReason", reason);
        }
        return view;
    }

    private void check(Context ctx) {
        JsonNode body = body(ctx);
        Map<String, String> errors = new LinkedHashMap<>();
        DomainName name = null;
        try {
            name = DomainName.of(body.path("name").asText(""));
        } catch (InvalidDomainNameException e) {
            errors.put("name", e.getMessage());
        }
        CatalogOperation operation = CatalogOperation.REGISTER;
        if (body.hasNonNull("operation")) {
            try {
                operation = CatalogOperation.parse(body.get("operation").asText());
            } catch (IllegalArgumentException e) {
                errors.put("operation", "'" + body.get("operation").asText() + "' is not one of register, renew, transfer, restore.");
            }
        }
        Period period = null;
        if (operation != CatalogOperation.RESTORE) {
            int years = body.path("years").asInt(1);
            if (years < 1 || years > 99) {
                errors.put("years", "A period is 1 to 99 years, not " + years + ".");
            } else {
                period = Period.years(years);
            }
        }
        HolderType holderType = null;
        if (body.hasNonNull("holderType")) {
            try {
                holderType = HolderType.parse(body.get("holderType").asText());
            } catch (IllegalArgumentException e) {
                errors.put("holderType", "'" + body.get("holderType").asText() + "' is not one of PERSON, COMPANY, "
                        + "ASSOCIATION, PUBLIC_BODY.");
            }
        }
        Map<String, String> contact = new LinkedHashMap<>();
        body.path("contact").fields().forEachRemaining(field -> contact.put(field.getKey(), field.getValue().asText("")));
        if (!errors.isEmpty()) {
            throw ProblemException.validation("The order cannot be checked.", errors);
        }
        Instant now = clock.instant();
        List<Violation> violations = rules.check(name, operation, period, holderType, contact, now,
                body.path("signedMark").asBoolean(false));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", name.unicode());
        result.put("ascii", name.ascii());
        result.put("operation", operation.jsonName());
        result.put("phase", rules.currentPhase(name.tld(), now).map(Enum::name).orElse(null));
        result.put("allowed", violations.isEmpty());
        result.put("violations", violations);
        ctx.json(result);
    }

    // ---------------------------------------------------------------- parsing

    private static TldEntry parseEntry(Tld tld, JsonNode body, Map<String, String> errors) {
        YearRange register = range(body, "register", errors);
        YearRange renew = range(body, "renew", errors);
        JsonNode idn = body.path("idn");
        Map<HolderType, Set<String>> fields = new EnumMap<>(HolderType.class);
        body.path("requiredFields").fields().forEachRemaining(field -> {
            try {
                Set<String> names = new LinkedHashSet<>();
                field.getValue().forEach(name -> names.add(name.asText("")));
                fields.put(HolderType.parse(field.getKey()), names);
            } catch (IllegalArgumentException e) {
                errors.put("requiredFields." + field.getKey(), "'" + field.getKey() + "' is not a holder type (PERSON, "
                        + "COMPANY, ASSOCIATION, PUBLIC_BODY).");
            }
        });
        Set<String> countries = new TreeSet<>();
        body.path("residenceCountries").forEach(country -> countries.add(country.asText("").strip().toUpperCase(Locale.ROOT)));
        List<LaunchPhase> phases = new ArrayList<>();
        JsonNode phaseList = body.path("phases");
        for (int i = 0; i < phaseList.size(); i++) {
            JsonNode node = phaseList.get(i);
            String at = "phases[" + i + "]";
            Phase phase = null;
            try {
                phase = Phase.parse(node.path("phase").asText(""));
            } catch (IllegalArgumentException e) {
                errors.put(at + ".phase", "'" + node.path("phase").asText("") + "' is not one of SUNRISE, PRE_REGISTRATION, "
                        + "GENERAL_AVAILABILITY.");
            }
            Instant starts = instant(node.path("startsAt"), at + ".startsAt", true, errors);
            Instant ends = instant(node.path("endsAt"), at + ".endsAt", false, errors);
            if (phase != null && starts != null) {
                phases.add(new LaunchPhase(phase, starts, ends));
            }
        }
        String registry = body.hasNonNull("registryId") && !body.get("registryId").asText().isBlank()
                ? body.get("registryId").asText().strip() : null;
        String note = body.hasNonNull("eligibilityNote") ? body.get("eligibilityNote").asText() : null;
        return new TldEntry(tld, body.path("enabled").asBoolean(true), registry, register, renew,
                idn.path("allowed").asBoolean(false), idn.hasNonNull("table") ? idn.get("table").asText().strip() : null,
                fields, countries, note, phases);
    }

    private static YearRange range(JsonNode body, String field, Map<String, String> errors) {
        JsonNode node = body.path(field);
        if (!node.isObject()) {
            return new YearRange(1, YearRange.LONGEST);
        }
        JsonNode min = node.path("minYears");
        JsonNode max = node.path("maxYears");
        if ((!min.isMissingNode() && !min.isInt()) || (!max.isMissingNode() && !max.isInt())) {
            errors.put(field, "minYears and maxYears are whole numbers of years.");
            return new YearRange(1, YearRange.LONGEST);
        }
        return new YearRange(min.asInt(1), max.asInt(YearRange.LONGEST));
    }

    private static Instant instant(JsonNode node, String field, boolean required, Map<String, String> errors) {
        if (node.isMissingNode() || node.isNull()) {
            if (required) {
                errors.put(field, "The date is missing (an instant such as 2026-12-01T00:00:00Z).");
            }
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            errors.put(field, "'" + node.asText() + "' is not an instant such as 2026-12-01T00:00:00Z.");
            return null;
        }
    }

    private static void parsePrices(JsonNode list, List<Money[]> prices, List<CatalogOperation> operations,
                                    Map<String, String> errors) {
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String at = "prices[" + i + "]";
            CatalogOperation operation = null;
            try {
                operation = CatalogOperation.parse(node.path("operation").asText(""));
            } catch (IllegalArgumentException e) {
                errors.put(at + ".operation", "'" + node.path("operation").asText("") + "' is not one of register, renew, "
                        + "transfer, restore.");
            }
            Currency currency = null;
            String code = node.path("currency").asText("");
            try {
                currency = Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.put(at + ".currency", "'" + code + "' is not a currency code such as DKK or EUR.");
            }
            if (operation == null || currency == null) {
                continue;
            }
            try {
                Money price = parseMoney(node.path("amount"), currency);
                if (!price.isPositive()) {
                    errors.put(at + ".amount", "A price must be more than zero, not " + price.amount().toPlainString() + ".");
                } else if (!seen.add(operation + "/" + currency)) {
                    errors.put(at, "The " + operation.jsonName() + " price in " + currency + " is listed twice.");
                } else {
                    prices.add(new Money[] {price});
                    operations.add(operation);
                }
            } catch (IllegalArgumentException e) {
                errors.put(at + ".amount", e.getMessage());
            }
        }
    }

    private static Money parseMoney(JsonNode amount, Currency currency) {
        if (amount.isMissingNode() || amount.isNull() || amount.asText("").isBlank()) {
            throw new IllegalArgumentException("The amount is missing, e.g. \"100.00\".");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.asText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + amount.asText() + "' is not an amount such as 100.00.");
        }
        return Money.of(value, currency);
    }

    private static Money money(JsonNode amount, Currency currency, String field) {
        try {
            return parseMoney(amount, currency);
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("The price is invalid.", Map.of(field, e.getMessage()));
        }
    }

    private static Map<String, Object> entryView(TldEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("tld", entry.tld().ascii());
        view.put("unicode", entry.tld().unicode());
        view.put("register", Map.of("minYears", entry.register().min(), "maxYears", entry.register().max()));
        view.put("renew", Map.of("minYears", entry.renew().min(), "maxYears", entry.renew().max()));
        Map<String, Object> idn = new LinkedHashMap<>();
        idn.put("allowed", entry.idnAllowed());
        idn.put("table", entry.idnTable());
        view.put("idn", idn);
        Map<String, List<String>> fields = new TreeMap<>();
        entry.requiredFields().forEach((type, names) -> {
            if (!names.isEmpty()) {
                fields.put(type.name(), names.stream().sorted().toList());
            }
        });
        view.put("requiredFields", fields);
        view.put("residenceCountries", entry.residenceCountries().stream().sorted().toList());
        view.put("eligibilityNote", entry.eligibilityNote());
        return view;
    }

    private static Map<String, Object> phaseView(LaunchPhase phase) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("phase", phase.phase().name());
        view.put("startsAt", phase.startsAt().toString());
        view.put("endsAt", phase.endsAt() == null ? null : phase.endsAt().toString());
        return view;
    }

    private TldEntry existing(Tld tld) {
        return store.find(tld).orElseThrow(() -> ProblemException.notFound("." + tld + " is not in the catalog."));
    }

    private static Tld tld(Context ctx) {
        try {
            return Tld.of(ctx.pathParam("tld"));
        } catch (InvalidDomainNameException e) {
            throw ProblemException.validation("The TLD is invalid.", Map.of("tld", e.getMessage()));
        }
    }

    private static CatalogOperation operation(String text, String field) {
        try {
            return CatalogOperation.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("The operation is invalid.", Map.of(field,
                    "'" + text + "' is not one of register, renew, transfer, restore."));
        }
    }

    private static Currency currency(String code, String field) {
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("The currency is invalid.", Map.of(field,
                    "'" + code + "' is not a currency code such as DKK or EUR."));
        }
    }

    private JsonNode body(Context ctx) {
        return RequestBodies.object(json, ctx);
    }

    private static ProblemException invalid(Tld tld, CatalogValidationException e) {
        return ProblemException.validation("The catalog entry for ." + tld + " was refused.", e.fieldErrors());
    }

    private static ProblemException groupInvalid(String id, CatalogValidationException e) {
        return ProblemException.validation("The TLD group '" + id + "' was refused.", e.fieldErrors());
    }

    private static String digest(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
