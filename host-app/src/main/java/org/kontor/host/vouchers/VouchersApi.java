package org.kontor.host.vouchers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kontor.api.domain.InvalidDomainNameException;
import org.kontor.api.domain.Tld;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;
import org.kontor.api.web.Access;
import org.kontor.host.web.ProblemException;
import org.kontor.host.web.RequestBodies;

/**
 * The operator's voucher API ({@link Access#ADMIN}): {@code GET|POST /api/v1/vouchers}, {@code GET|PUT
 * /api/v1/vouchers/{code}}, {@code POST /api/v1/vouchers/{code}/disable|enable}. Codes in paths may be in any case.
 * Refused data answers 422 problem+json naming each field; a POST of a code that exists answers 409.
 */
public final class VouchersApi {

    private static final String BASE = "/api/v1/vouchers";

    private final VoucherStore store;
    private final ObjectMapper json;
    private final Clock clock;

    public VouchersApi(VoucherStore store, ObjectMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE, ctx -> ctx.json(store.all().stream().map(this::view).toList()), Access.ADMIN);
        routes.post(BASE, this::create, Access.ADMIN);
        routes.get(BASE + "/{code}", ctx -> ctx.json(view(existing(ctx.pathParam("code")))), Access.ADMIN);
        routes.put(BASE + "/{code}", this::put, Access.ADMIN);
        routes.post(BASE + "/{code}/disable", ctx -> enable(ctx, false), Access.ADMIN);
        routes.post(BASE + "/{code}/enable", ctx -> enable(ctx, true), Access.ADMIN);
    }

    private void create(Context ctx) {
        JsonNode body = body(ctx);
        Voucher voucher = parse(body, body.path("code").asText(""));
        boolean created;
        try {
            created = store.create(voucher);
        } catch (VoucherValidationException e) {
            throw invalid(voucher.code(), e.fieldErrors());
        }
        if (!created) {
            throw ProblemException.conflict("There is a voucher " + voucher.code() + " already; change it with PUT "
                    + BASE + "/" + voucher.code() + ".");
        }
        ctx.status(201).header("Location", BASE + "/" + voucher.code()).json(view(existing(voucher.code())));
    }

    private void put(Context ctx) {
        String code = Voucher.normalise(ctx.pathParam("code"));
        JsonNode body = body(ctx);
        if (body.hasNonNull("code") && !Voucher.normalise(body.get("code").asText()).equals(code)) {
            throw invalid(code, Map.of("code", "The code in the body (" + Voucher.normalise(body.get("code").asText())
                    + ") differs from the one in the path (" + code + "); a code cannot be renamed."));
        }
        Voucher voucher = parse(body, code);
        boolean created;
        try {
            created = store.put(voucher);
        } catch (VoucherValidationException e) {
            throw invalid(code, e.fieldErrors());
        }
        ctx.status(created ? 201 : 200).json(view(existing(code)));
    }

    private void enable(Context ctx, boolean enabled) {
        String code = ctx.pathParam("code");
        if (!store.setEnabled(code, enabled)) {
            throw notFound(code);
        }
        ctx.json(view(existing(code)));
    }

    // ---------------------------------------------------------------- parsing

    /** The voucher the body describes; every field that cannot be read is refused at once (422). */
    private static Voucher parse(JsonNode body, String code) {
        Map<String, String> errors = new LinkedHashMap<>();
        String normalised = Voucher.normalise(code);
        if (normalised.isEmpty()) {
            errors.put("code", "The code is missing, e.g. \"WELCOME10\".");
        }
        JsonNode enabled = body.path("enabled");
        if (!enabled.isMissingNode() && !enabled.isNull() && !enabled.isBoolean()) {
            errors.put("enabled", "enabled is true or false.");
        }
        String description = null;
        if (body.hasNonNull("description")) {
            if (!body.get("description").isTextual()) {
                errors.put("description", "The description is text.");
            } else {
                description = body.get("description").asText().strip();
            }
        }
        Discount discount = discount(body, errors);
        Instant from = instant(body.path("validFrom"), "validFrom", errors);
        Instant until = instant(body.path("validUntil"), "validUntil", errors);
        Integer maxUses = count(body.path("maxUses"), "maxUses", errors);
        Integer maxPerCustomer = count(body.path("maxUsesPerCustomer"), "maxUsesPerCustomer", errors);
        Set<String> tlds = tlds(body.path("tlds"), errors);
        Set<ChargeKind> kinds = kinds(body.path("kinds"), errors);
        Money minimum = body.hasNonNull("minimumOrder") ? money(body.get("minimumOrder"), "minimumOrder", errors) : null;
        Voucher voucher = discount == null ? null : new Voucher(normalised,
                description == null || description.isEmpty() ? null : description, enabled.asBoolean(true), discount, from,
                until, maxUses, maxPerCustomer, tlds, kinds, minimum);
        if (voucher != null && !errors.isEmpty()) {
            // name the fields that break a rule too, not only those that could not be read
            try {
                VoucherValidator.check(voucher);
            } catch (VoucherValidationException e) {
                e.fieldErrors().forEach((field, message) -> {
                    if (errors.keySet().stream().noneMatch(known -> known.equals(field) || known.startsWith(field + "."))) {
                        errors.put(field, message);
                    }
                });
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(normalised, errors);
        }
        return voucher;
    }

    private static Discount discount(JsonNode body, Map<String, String> errors) {
        boolean percent = body.hasNonNull("percent");
        boolean amount = body.hasNonNull("amount");
        if (percent == amount) {
            errors.put("discount", "Give either percent (e.g. \"10\") or amount (e.g. {\"amount\": \"50.00\", "
                    + "\"currency\": \"DKK\"}), " + (percent ? "not both." : "one of them."));
            return null;
        }
        if (amount) {
            Money money = money(body.get("amount"), "amount", errors);
            return money == null ? null : new Discount.Amount(money);
        }
        JsonNode node = body.get("percent");
        try {
            if (!node.isNumber() && !node.isTextual()) {
                throw new NumberFormatException();
            }
            return new Discount.Percent(new BigDecimal(node.asText().strip()));
        } catch (NumberFormatException e) {
            errors.put("percent", "'" + node.asText() + "' is not a percentage such as 10 or 12.5.");
            return null;
        }
    }

    private static Money money(JsonNode node, String field, Map<String, String> errors) {
        if (!node.isObject()) {
            errors.put(field, "An amount of money is {\"amount\": \"50.00\", \"currency\": \"DKK\"}.");
            return null;
        }
        String code = node.path("currency").asText("").strip().toUpperCase(Locale.ROOT);
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            errors.put(field + ".currency", "'" + node.path("currency").asText("") + "' is not a currency code such as DKK or EUR.");
            return null;
        }
        String amount = node.path("amount").asText("").strip();
        try {
            return Money.of(new BigDecimal(amount), currency);
        } catch (NumberFormatException e) {
            errors.put(field + ".amount", "'" + amount + "' is not an amount such as 50.00.");
        } catch (IllegalArgumentException e) {
            errors.put(field + ".amount", amount + " has more decimals than " + code + " allows.");
        }
        return null;
    }

    private static Instant instant(JsonNode node, String field, Map<String, String> errors) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            errors.put(field, "'" + node.asText() + "' is not an instant such as 2027-01-01T00:00:00Z.");
            return null;
        }
    }

    private static Integer count(JsonNode node, String field, Map<String, String> errors) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            errors.put(field, "'" + node.asText() + "' is not a whole number.");
            return null;
        }
        return node.asInt();
    }

    private static Set<String> tlds(JsonNode node, Map<String, String> errors) {
        Set<String> tlds = new TreeSet<>();
        if (node.isMissingNode() || node.isNull()) {
            return tlds;
        }
        if (!node.isArray()) {
            errors.put("tlds", "tlds is a list such as [\"dk\", \"eu\"].");
            return tlds;
        }
        for (JsonNode tld : node) {
            try {
                tlds.add(Tld.of(tld.asText("")).ascii());
            } catch (InvalidDomainNameException e) {
                errors.put("tlds", e.getMessage());
            }
        }
        return tlds;
    }

    private static Set<ChargeKind> kinds(JsonNode node, Map<String, String> errors) {
        Set<ChargeKind> kinds = EnumSet.noneOf(ChargeKind.class);
        if (node.isMissingNode() || node.isNull()) {
            return kinds;
        }
        if (!node.isArray()) {
            errors.put("kinds", "kinds is a list such as [\"DOMAIN_CREATE\"].");
            return kinds;
        }
        for (JsonNode kind : node) {
            try {
                kinds.add(ChargeKind.valueOf(kind.asText("").strip().toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                errors.put("kinds", "'" + kind.asText("") + "' is not one of " + EnumSet.allOf(ChargeKind.class) + ".");
            }
        }
        return kinds;
    }

    // ---------------------------------------------------------------- views

    private Map<String, Object> view(StoredVoucher stored) {
        Voucher v = stored.voucher();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("code", v.code());
        view.put("description", v.description());
        view.put("enabled", v.enabled());
        view.put("status", status(stored, clock.instant()));
        view.put("percent", v.discount() instanceof Discount.Percent p ? p.percent().toPlainString() : null);
        view.put("amount", v.discount() instanceof Discount.Amount a ? a.amount() : null);
        view.put("validFrom", v.validFrom());
        view.put("validUntil", v.validUntil());
        view.put("maxUses", v.maxUses());
        view.put("maxUsesPerCustomer", v.maxUsesPerCustomer());
        view.put("tlds", v.tlds().stream().sorted().toList());
        view.put("kinds", v.kinds().stream().sorted(Comparator.naturalOrder()).map(Enum::name).toList());
        view.put("minimumOrder", v.minimumOrder());
        view.put("used", stored.used());
        view.put("remaining", stored.remaining());
        view.put("createdAt", stored.createdAt());
        view.put("updatedAt", stored.updatedAt());
        return view;
    }

    /** Whether customers can use it now, and if not, why. */
    private static String status(StoredVoucher stored, Instant now) {
        Voucher v = stored.voucher();
        if (!v.enabled()) {
            return "disabled";
        }
        if (v.validFrom() != null && now.isBefore(v.validFrom())) {
            return "scheduled";
        }
        if (v.validUntil() != null && !now.isBefore(v.validUntil())) {
            return "expired";
        }
        if (stored.remaining() != null && stored.remaining() == 0) {
            return "used-up";
        }
        return "active";
    }

    private StoredVoucher existing(String code) {
        return store.find(code).orElseThrow(() -> notFound(code));
    }

    private static ProblemException notFound(String code) {
        return ProblemException.notFound("There is no voucher " + Voucher.normalise(code) + ".");
    }

    private static ProblemException invalid(String code, Map<String, String> errors) {
        return ProblemException.validation("The voucher " + code + " was refused.", errors);
    }

    private JsonNode body(Context ctx) {
        return RequestBodies.object(json, ctx);
    }
}
