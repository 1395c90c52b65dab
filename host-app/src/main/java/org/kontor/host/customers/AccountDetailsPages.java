package org.kontor.host.customers;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.i18n.LocaleResolver;
import org.kontor.host.security.WebSessions;

/**
 * The customer's master data (CC-5) at {@code /account/details}: name, company, country and language, and a new
 * password (the current one first; the account's other sessions end with it). The e-mail address, currency and account
 * type stay as they are; billing details are at {@code /account/billing}. Template {@code account/details.ftlh}.
 */
public final class AccountDetailsPages {

    static final String PATH = "/account/details";
    private static final Access[] HOLDERS = {Access.CUSTOMER, Access.RESELLER};
    private static final List<String> FIELDS = List.of("name", "company", "country", "language");

    private final Customers customers;
    private final WebSessions sessions;
    private static final List<String> REFUND_FIELDS = List.of("refundIban", "refundBic", "refundHolder");

    private final LocaleResolver locales;
    private final Optional<RefundAccountDetails> refundAccounts;
    private final CountryNames countries = new CountryNames();

    public AccountDetailsPages(Customers customers, WebSessions sessions, LocaleResolver locales) {
        this(customers, sessions, locales, null);
    }

    /** @param refundAccounts the refund bank account of the master data, or null for none */
    public AccountDetailsPages(Customers customers, WebSessions sessions, LocaleResolver locales,
                               RefundAccountDetails refundAccounts) {
        this.customers = customers;
        this.sessions = sessions;
        this.locales = locales;
        this.refundAccounts = Optional.ofNullable(refundAccounts);
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> render(ctx, current(ctx), Map.of(), Map.of()), HOLDERS);
        routes.post(PATH, this::saveDetails, HOLDERS);
        routes.post("/account/password", this::changePassword, HOLDERS);
    }

    private void saveDetails(Context ctx) {
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(field -> form.put(field, value(ctx, field)));
        String customerId = Caller.require(ctx).subject();
        if (refundAccounts.isPresent()) {
            REFUND_FIELDS.forEach(field -> form.put(field, value(ctx, field)));
            Map<String, FieldError> refused = refundAccounts.get().problems(form.get("refundIban"),
                    form.get("refundBic"), form.get("refundHolder"));
            boolean empty = REFUND_FIELDS.stream().allMatch(field -> form.get(field).isEmpty());
            if (!empty && !refused.isEmpty()) {
                ctx.status(422);
                render(ctx, form, refused, Map.of());
                return;
            }
        }
        try {
            customers.updateMasterData(customerId, form.get("name"), form.get("company"),
                    form.get("country"), form.get("language"));
            refundAccounts.ifPresent(accounts -> accounts.save(customerId, form.get("refundIban"),
                    form.get("refundBic"), form.get("refundHolder")));
            ctx.redirect(PATH + "?saved=details", HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(422);
            render(ctx, form, e.errors(), Map.of());
        }
    }

    private void changePassword(Context ctx) {
        String customerId = Caller.require(ctx).subject();
        try {
            customers.changePassword(customerId, ctx.formParam("current"), ctx.formParam("password"),
                    ctx.formParam("password2"));
        } catch (InvalidInputException e) {
            ctx.status(e.errors().containsKey("current")
                    && "signin-throttled".equals(e.errors().get("current").code()) ? 429 : 422);
            render(ctx, current(ctx), Map.of(), e.errors());
            return;
        }
        sessions.endAllOf(customerId);
        sessions.signIn(ctx, customerId);
        ctx.redirect(PATH + "?saved=password", HttpStatus.SEE_OTHER);
    }

    private Map<String, String> current(Context ctx) {
        Customer customer = customers.find(Caller.require(ctx).subject()).orElseThrow(() ->
                new java.util.NoSuchElementException("no customer account for this sign-in"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", customer.name());
        form.put("company", customer.company() == null ? "" : customer.company());
        form.put("country", customer.country());
        form.put("language", customer.language());
        refundAccounts.ifPresent(accounts -> form.putAll(accounts.current(customer.id())));
        return form;
    }

    private void render(Context ctx, Map<String, String> form, Map<String, FieldError> detailErrors,
                        Map<String, FieldError> passwordErrors) {
        Customer customer = customers.find(Caller.require(ctx).subject()).orElseThrow();
        String language = locales.language(ctx).code();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("form", form);
        page.put("refundAccount", refundAccounts.isPresent());
        page.put("email", customer.email());
        page.put("currency", customer.currency());
        page.put("role", customer.role().name());
        page.put("errors", views(detailErrors));
        page.put("passwordErrors", views(passwordErrors));
        page.put("saved", detailErrors.isEmpty() && passwordErrors.isEmpty() && ctx.queryParam("saved") != null
                ? ctx.queryParam("saved").replaceAll("[^a-z]", "") : "");
        page.put("countries", countries.in(language));
        page.put("languages", locales.languages().languages().stream()
                .map(l -> Map.of("code", l.code(), "name", l.nativeName())).toList());
        ctx.render("account/details.ftlh", page);
    }

    private static Map<String, Map<String, String>> views(Map<String, FieldError> errors) {
        Map<String, Map<String, String>> views = new LinkedHashMap<>();
        errors.forEach((field, error) -> views.put(field,
                Map.of("code", error.code(), "arg", error.arg() == null ? "" : error.arg())));
        return views;
    }

    private static String value(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value.strip();
    }
}
