package org.kontor.host.customers;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.i18n.Language;
import org.kontor.host.i18n.LocaleResolver;
import org.kontor.host.security.SecondFactorGate;
import org.kontor.host.security.WebSession;
import org.kontor.host.security.WebSessions;

/**
 * The storefront's account pages (CC-1): {@code /account/signup}, {@code /account/signin} (with {@code ?next=}, a
 * local path to return to), {@code POST /account/signout} and {@code /account}, the signed-in customer's overview.
 * A refused form is shown again with a message next to each refused field in the visitor's language, and with what
 * was entered, passwords excepted. Templates: {@code account/signup.ftlh}, {@code account/signin.ftlh},
 * {@code account/overview.ftlh}.
 */
public final class CustomerPages {

    static final String HOME = "/account";
    /** Offered in the sign-up form besides the country's own currency. */
    private static final List<String> CURRENCIES = List.of("EUR", "DKK", "CZK", "SEK", "NOK", "PLN", "CHF", "GBP", "USD");
    private static final List<String> SIGN_UP_FIELDS = List.of("email", "name", "company", "country", "language", "currency");

    private final Customers customers;
    private final Contacts contacts;
    private final WebSessions sessions;
    private final LocaleResolver locales;
    private final SecondFactorGate secondFactor;
    private final AccountSummary.Source summaries;
    private final CountryNames countryNames = new CountryNames();

    public CustomerPages(Customers customers, Contacts contacts, WebSessions sessions, LocaleResolver locales) {
        this(customers, contacts, sessions, locales, SecondFactorGate.NONE);
    }

    public CustomerPages(Customers customers, Contacts contacts, WebSessions sessions, LocaleResolver locales,
                         SecondFactorGate secondFactor) {
        this(customers, contacts, sessions, locales, secondFactor, AccountSummary.Source.NONE);
    }

    /** @param summaries the figures the overview shows at a glance */
    public CustomerPages(Customers customers, Contacts contacts, WebSessions sessions, LocaleResolver locales,
                         SecondFactorGate secondFactor, AccountSummary.Source summaries) {
        this.summaries = summaries;
        this.customers = customers;
        this.contacts = contacts;
        this.sessions = sessions;
        this.locales = locales;
        this.secondFactor = secondFactor;
    }

    public void register(RoutesConfig routes) {
        routes.get("/account/signup", ctx -> signUpPage(ctx, Map.of(), Map.of()), Access.PUBLIC);
        routes.post("/account/signup", this::signUp, Access.PUBLIC);
        routes.get("/account/signin", this::signInPage, Access.PUBLIC);
        routes.post("/account/signin", this::signIn, Access.PUBLIC);
        routes.post("/account/signout", this::signOut, Access.PUBLIC);
        routes.get(HOME, this::overview, Access.CUSTOMER, Access.RESELLER, Access.ADMIN);
    }

    // ---------------------------------------------------------------- sign-up

    private void signUp(Context ctx) {
        Map<String, String> form = new LinkedHashMap<>();
        SIGN_UP_FIELDS.forEach(field -> form.put(field, value(ctx, field)));
        try {
            Customer customer = customers.signUp(new SignUp(form.get("email"), ctx.formParam("password"), form.get("name"),
                    form.get("company"), form.get("country"), form.get("language"), form.get("currency")));
            sessions.signIn(ctx, customer.id());
            ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(422);
            signUpPage(ctx, form, e.errors());
        }
    }

    private void signUpPage(Context ctx, Map<String, String> form, Map<String, FieldError> errors) {
        Language language = locales.language(ctx);
        Map<String, String> values = new LinkedHashMap<>();
        SIGN_UP_FIELDS.forEach(field -> values.put(field, form.getOrDefault(field, "")));
        if (values.get("language").isEmpty()) {
            values.put("language", language.code());
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("form", values);
        page.put("errors", errorViews(errors));
        page.put("countries", countryNames.in(language.code()));
        page.put("languages", locales.languages().languages().stream()
                .map(l -> Map.of("code", l.code(), "name", l.nativeName())).toList());
        Locale locale = Locale.forLanguageTag(language.code());
        page.put("currencies", CURRENCIES.stream().map(code -> Map.of("code", code,
                "name", code + " – " + java.util.Currency.getInstance(code).getDisplayName(locale))).toList());
        page.put("next", nextOrEmpty(ctx));
        ctx.render("account/signup.ftlh", page);
    }

    // ---------------------------------------------------------------- sign-in

    private void signInPage(Context ctx) {
        if (sessions.current(ctx).filter(WebSession::signedIn).isPresent()) {
            ctx.redirect(safeNext(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        renderSignIn(ctx, "", null);
    }

    private void signIn(Context ctx) {
        String email = value(ctx, "email");
        SignInResult result = customers.authenticate(email, ctx.formParam("password"));
        if (result instanceof SignInResult.SignedIn signedIn) {
            String next = safeNext(ctx.formParam("next"));
            Optional<String> secondStep = secondFactor.challenge(ctx, signedIn.customer().id(), next);
            if (secondStep.isPresent()) {
                ctx.redirect(secondStep.get(), HttpStatus.SEE_OTHER);
                return;
            }
            sessions.signIn(ctx, signedIn.customer().id());
            ctx.redirect(next, HttpStatus.SEE_OTHER);
        } else if (result instanceof SignInResult.Throttled throttled) {
            long seconds = Math.max(1, throttled.retryAfter().toSeconds());
            ctx.status(429).header("Retry-After", Long.toString(seconds));
            renderSignIn(ctx, email, Map.of("code", "signin-throttled", "arg", Long.toString((seconds + 59) / 60)));
        } else {
            ctx.status(422);
            renderSignIn(ctx, email, Map.of("code", "signin-failed", "arg", ""));
        }
    }

    private void renderSignIn(Context ctx, String email, Map<String, String> error) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("form", Map.of("email", email == null ? "" : email));
        page.put("error", error == null ? Map.of() : error);
        page.put("next", nextOrEmpty(ctx));
        ctx.render("account/signin.ftlh", page);
    }

    private void signOut(Context ctx) {
        sessions.signOut(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    // ---------------------------------------------------------------- overview

    private void overview(Context ctx) {
        if (Caller.require(ctx).role() == Access.ADMIN || Caller.require(ctx).role() == Access.SUPPORT) {
            // A staff member's home is the admin.
            ctx.redirect("/admin", HttpStatus.SEE_OTHER);
            return;
        }
        Customer customer = customers.find(Caller.require(ctx).subject()).orElse(null);
        Map<String, Object> page = new LinkedHashMap<>();
        if (customer != null) {
            Map<String, Object> view = new LinkedHashMap<>(CustomersApi.view(customer));
            view.put("company", customer.company() == null ? "" : customer.company());
            view.put("countryName", new Locale("", customer.country()).getDisplayCountry(Locale.forLanguageTag(locales.language(ctx).code())));
            page.put("customer", view);
            page.put("summary", summaryView(summaries.of(customer.id()),
                    Locale.forLanguageTag(locales.language(ctx).code())));
            page.put("contacts", contacts.list(customer.id()).stream().map(holder -> {
                Map<String, Object> contact = new LinkedHashMap<>();
                contact.put("name", holder.contact().name());
                contact.put("organization", holder.contact().organization() == null ? "" : holder.contact().organization());
                contact.put("type", holder.type().name());
                contact.put("city", holder.contact().address().city());
                contact.put("country", holder.contact().address().countryCode());
                return contact;
            }).toList());
        }
        page.put("found", customer != null);
        ctx.render("account/overview.ftlh", page);
    }

    private static Map<String, Object> summaryView(AccountSummary summary, Locale locale) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("activeDomains", summary.activeDomains());
        view.put("expiringSoon", summary.expiringSoon());
        view.put("soonDays", AccountSummary.SOON_DAYS);
        view.put("openInvoices", summary.openInvoices());
        view.put("outstanding", summary.outstanding().stream().map(money -> {
            java.text.NumberFormat format = java.text.NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(money.currency());
            return format.format(money.amount());
        }).toList());
        view.put("ordersInProgress", summary.ordersInProgress());
        return view;
    }

    // ---------------------------------------------------------------- helpers

    /** A local path to go to after signing in; anything else (another host, a scheme) gives the account page. */
    static String safeNext(String next) {
        if (next == null || next.isBlank() || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return HOME;
        }
        return next;
    }

    private static String nextOrEmpty(Context ctx) {
        String next = ctx.formParam("next");
        if (next == null) {
            next = ctx.queryParam("next");
        }
        return next != null && safeNext(next).equals(next) ? next : "";
    }

    private static String value(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value.strip();
    }

    private static Map<String, Map<String, String>> errorViews(Map<String, FieldError> errors) {
        Map<String, Map<String, String>> views = new LinkedHashMap<>();
        errors.forEach((field, error) -> views.put(field,
                Map.of("code", error.code(), "arg", error.arg() == null ? "" : error.arg())));
        return views;
    }
}
