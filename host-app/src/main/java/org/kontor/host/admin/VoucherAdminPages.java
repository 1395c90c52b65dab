package org.kontor.host.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.kontor.api.domain.InvalidDomainNameException;
import org.kontor.api.domain.Tld;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;
import org.kontor.api.web.Access;
import org.kontor.host.vouchers.Discount;
import org.kontor.host.vouchers.StoredVoucher;
import org.kontor.host.vouchers.Voucher;
import org.kontor.host.vouchers.VoucherStore;
import org.kontor.host.vouchers.VoucherValidationException;
import org.kontor.host.web.ProblemException;

/**
 * Vouchers in the admin (ORD-13 for the operator): every voucher with its discount, rules, status and how often it was
 * used; a form to create one, a page per voucher to change it, and enabling or disabling (a voucher is never deleted,
 * its redemptions refer to it). The vouchers' own validation decides what is accepted.
 */
public final class VoucherAdminPages {

    private static final int DESCRIPTION_LENGTH = 200;

    private final VoucherStore vouchers;
    private final AdminView view;
    private final Clock clock;

    public VoucherAdminPages(VoucherStore vouchers, AdminView view, Clock clock) {
        this.vouchers = vouchers;
        this.view = view;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/vouchers", this::list, Access.ADMIN);
        routes.post("/admin/vouchers", this::create, Access.ADMIN);
        routes.get("/admin/vouchers/{code}", this::show, Access.ADMIN);
        routes.post("/admin/vouchers/{code}", this::save, Access.ADMIN);
        routes.post("/admin/vouchers/{code}/enable", ctx -> enable(ctx, true), Access.ADMIN);
        routes.post("/admin/vouchers/{code}/disable", ctx -> enable(ctx, false), Access.ADMIN);
    }

    private void list(Context ctx) {
        renderList(ctx, emptyForm(), Map.of());
    }

    private void renderList(Context ctx, Map<String, Object> form, Map<String, Map<String, String>> errors) {
        Instant now = clock.instant();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StoredVoucher stored : vouchers.all()) {
            Voucher voucher = stored.voucher();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", voucher.code());
            row.put("description", voucher.description() == null ? "" : voucher.description());
            row.put("enabled", voucher.enabled());
            row.put("status", status(stored, now));
            row.put("discount", discount(ctx, voucher.discount()));
            row.put("valid", AdminForms.format(voucher.validFrom()) + " – " + AdminForms.format(voucher.validUntil()));
            row.put("used", stored.used());
            row.put("maxUses", voucher.maxUses() == null ? "" : voucher.maxUses().toString());
            rows.add(row);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("vouchers", rows);
        page.put("form", form);
        page.put("errors", errors);
        page.put("kinds", Arrays.stream(ChargeKind.values()).map(Enum::name).toList());
        page.put("done", param(ctx, "done"));
        page.put("code", param(ctx, "code"));
        view.render(ctx, "vouchers.ftlh", page);
    }

    private void show(Context ctx) {
        StoredVoucher stored = existing(ctx);
        renderVoucher(ctx, stored, form(stored.voucher()), Map.of());
    }

    private void renderVoucher(Context ctx, StoredVoucher stored, Map<String, Object> form,
                               Map<String, Map<String, String>> errors) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("code", stored.voucher().code());
        page.put("enabled", stored.voucher().enabled());
        page.put("status", status(stored, clock.instant()));
        page.put("used", stored.used());
        page.put("remaining", stored.remaining() == null ? "" : stored.remaining().toString());
        page.put("form", form);
        page.put("errors", errors);
        page.put("kinds", Arrays.stream(ChargeKind.values()).map(Enum::name).toList());
        page.put("done", param(ctx, "done"));
        view.render(ctx, "voucher.ftlh", page);
    }

    private void create(Context ctx) {
        AdminForms.Errors errors = new AdminForms.Errors();
        Map<String, Object> form = new LinkedHashMap<>();
        String code = Voucher.normalise(AdminForms.text(ctx, "code"));
        form.put("code", code);
        Optional<Voucher> voucher = read(ctx, code, form, errors);
        if (!code.isEmpty() && vouchers.find(code).isPresent()) {
            errors.add("code", "voucher-exists");
        }
        boolean created = errors.isEmpty() && voucher.isPresent() && vouchers.create(voucher.get());
        if (!created) {
            if (errors.isEmpty()) {
                errors.add("code", "voucher-exists"); // created meanwhile
            }
            ctx.status(422);
            renderList(ctx, form, errors.asMap());
            return;
        }
        ctx.redirect("/admin/vouchers?done=created&code=" + code, HttpStatus.SEE_OTHER);
    }

    private void save(Context ctx) {
        StoredVoucher stored = existing(ctx);
        String code = stored.voucher().code();
        AdminForms.Errors errors = new AdminForms.Errors();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("code", code);
        Optional<Voucher> voucher = read(ctx, code, form, errors);
        if (!errors.isEmpty() || voucher.isEmpty()) {
            ctx.status(422);
            renderVoucher(ctx, stored, form, errors.asMap());
            return;
        }
        vouchers.put(voucher.get());
        ctx.redirect("/admin/vouchers/" + code + "?done=saved", HttpStatus.SEE_OTHER);
    }

    private void enable(Context ctx, boolean enabled) {
        StoredVoucher stored = existing(ctx);
        vouchers.setEnabled(stored.voucher().code(), enabled);
        ctx.redirect("/admin/vouchers?done=" + (enabled ? "enabled" : "disabled") + "&code=" + stored.voucher().code(),
                HttpStatus.SEE_OTHER);
    }

    /** The voucher the form describes, with every refused field named; empty when it cannot be put together. */
    private Optional<Voucher> read(Context ctx, String code, Map<String, Object> form, AdminForms.Errors errors) {
        for (String field : List.of("description", "discountType", "percent", "amount", "currency", "validFrom",
                "validUntil", "maxUses", "maxUsesPerCustomer", "tlds", "minimumOrder")) {
            form.put(field, AdminForms.text(ctx, field));
        }
        boolean enabled = AdminForms.checked(ctx, "enabled");
        form.put("enabled", enabled);
        List<String> kindNames = ctx.formParams("kinds");
        form.put("kinds", kindNames);
        if (code.isEmpty()) {
            errors.add("code", "required");
        }
        String description = AdminForms.text(ctx, "description");
        String currencyCode = AdminForms.text(ctx, "currency").toUpperCase(Locale.ROOT);
        Currency currency = currencyCode.isEmpty() ? null : AdminForms.currency(currencyCode);
        if (!currencyCode.isEmpty() && currency == null) {
            errors.add("currency", "currency-code");
        }
        Discount discount = null;
        if ("amount".equals(AdminForms.text(ctx, "discountType"))) {
            String amount = AdminForms.text(ctx, "amount");
            if (currency == null && currencyCode.isEmpty()) {
                errors.add("currency", "required");
            }
            Money money = currency == null ? null : AdminForms.money(amount, currency);
            if (amount.isEmpty()) {
                errors.add("amount", "required");
            } else if (currency != null && money == null) {
                errors.add("amount", "price-invalid");
            }
            discount = money == null ? null : new Discount.Amount(money);
        } else if ("percent".equals(AdminForms.text(ctx, "discountType"))) {
            String percent = AdminForms.text(ctx, "percent").replace(',', '.');
            try {
                discount = new Discount.Percent(new BigDecimal(percent));
            } catch (NumberFormatException e) {
                errors.add("percent", percent.isEmpty() ? "required" : "percent-range");
            }
        } else {
            errors.add("discountType", "choice-invalid");
        }
        Instant from = date(ctx, "validFrom", errors);
        Instant until = date(ctx, "validUntil", errors);
        Integer maxUses = AdminForms.integer(ctx, "maxUses", "whole-number", errors);
        Integer maxPerCustomer = AdminForms.integer(ctx, "maxUsesPerCustomer", "whole-number", errors);
        Set<String> tlds = new TreeSet<>();
        for (String tld : AdminForms.list(AdminForms.text(ctx, "tlds"))) {
            try {
                tlds.add(Tld.of(tld.startsWith(".") ? tld.substring(1) : tld).ascii());
            } catch (InvalidDomainNameException e) {
                errors.add("tlds", "tlds");
            }
        }
        Set<ChargeKind> kinds = EnumSet.noneOf(ChargeKind.class);
        for (String name : kindNames) {
            Optional<ChargeKind> kind = Arrays.stream(ChargeKind.values()).filter(k -> k.name().equals(name)).findFirst();
            kind.ifPresentOrElse(kinds::add, () -> errors.add("kinds", "choice-invalid"));
        }
        String minimumText = AdminForms.text(ctx, "minimumOrder");
        Money minimum = null;
        if (!minimumText.isEmpty()) {
            if (currency == null) {
                errors.add("currency", currencyCode.isEmpty() ? "required" : "currency-code");
            } else {
                minimum = AdminForms.money(minimumText, currency);
                if (minimum == null) {
                    errors.add("minimumOrder", "minimum-order");
                }
            }
        }
        if (discount == null) {
            return Optional.empty();
        }
        Voucher voucher = new Voucher(code, description.isEmpty() ? null : description, enabled, discount, from, until,
                maxUses, maxPerCustomer, tlds, kinds, minimum);
        try {
            vouchers.check(voucher);
        } catch (VoucherValidationException e) {
            e.fieldErrors().keySet().forEach(field -> refused(field, errors));
        }
        return Optional.of(voucher);
    }

    private static Instant date(Context ctx, String field, AdminForms.Errors errors) {
        String text = AdminForms.text(ctx, field);
        if (text.isEmpty()) {
            return null;
        }
        Instant instant = AdminForms.instant(text);
        if (instant == null) {
            errors.add(field, "date-invalid");
        }
        return instant;
    }

    /** A field the vouchers' validation refused, with the message code for it. */
    private static void refused(String field, AdminForms.Errors errors) {
        switch (field) {
            case "code" -> errors.add(field, "voucher-code");
            case "description" -> errors.add(field, "too-long", Integer.toString(DESCRIPTION_LENGTH));
            case "percent" -> errors.add(field, "percent-range");
            case "amount" -> errors.add(field, "price-invalid");
            case "validUntil" -> errors.add(field, "valid-until");
            case "maxUses" -> errors.add(field, "whole-number");
            case "maxUsesPerCustomer" -> errors.add(field, "max-per-customer");
            case "tlds" -> errors.add(field, "tlds");
            case "minimumOrder" -> errors.add(field, "minimum-order");
            default -> errors.add(field, "invalid");
        }
    }

    private static Map<String, Object> emptyForm() {
        Map<String, Object> form = new LinkedHashMap<>();
        for (String field : List.of("code", "description", "percent", "amount", "currency", "validFrom", "validUntil",
                "maxUses", "maxUsesPerCustomer", "tlds", "minimumOrder")) {
            form.put(field, "");
        }
        form.put("discountType", "percent");
        form.put("enabled", true);
        form.put("kinds", List.of());
        return form;
    }

    private static Map<String, Object> form(Voucher voucher) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("code", voucher.code());
        form.put("description", voucher.description() == null ? "" : voucher.description());
        form.put("enabled", voucher.enabled());
        Currency currency = null;
        if (voucher.discount() instanceof Discount.Percent percent) {
            form.put("discountType", "percent");
            form.put("percent", percent.percent().toPlainString());
            form.put("amount", "");
        } else if (voucher.discount() instanceof Discount.Amount amount) {
            form.put("discountType", "amount");
            form.put("percent", "");
            form.put("amount", amount.amount().amount().toPlainString());
            currency = amount.amount().currency();
        }
        if (voucher.minimumOrder() != null) {
            currency = voucher.minimumOrder().currency();
        }
        form.put("currency", currency == null ? "" : currency.getCurrencyCode());
        form.put("validFrom", AdminForms.format(voucher.validFrom()));
        form.put("validUntil", AdminForms.format(voucher.validUntil()));
        form.put("maxUses", voucher.maxUses() == null ? "" : voucher.maxUses().toString());
        form.put("maxUsesPerCustomer", voucher.maxUsesPerCustomer() == null ? "" : voucher.maxUsesPerCustomer().toString());
        form.put("tlds", String.join(", ", new TreeSet<>(voucher.tlds())));
        form.put("kinds", voucher.kinds().stream().map(Enum::name).sorted().toList());
        form.put("minimumOrder", voucher.minimumOrder() == null ? "" : voucher.minimumOrder().amount().toPlainString());
        return form;
    }

    private String discount(Context ctx, Discount discount) {
        if (discount instanceof Discount.Amount amount) {
            return view.money(ctx, amount.amount());
        }
        return ((Discount.Percent) discount).percent().toPlainString() + " %";
    }

    /** Whether customers can use it now, and if not, why (as the JSON API says it). */
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

    private StoredVoucher existing(Context ctx) {
        return vouchers.find(ctx.pathParam("code"))
                .orElseThrow(() -> ProblemException.notFound("There is no voucher '" + ctx.pathParam("code") + "'."));
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value;
    }
}
