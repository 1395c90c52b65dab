package org.kontor.host.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.billing.profile.BillingProfile;
import org.kontor.host.billing.profile.BillingProfiles;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.Customers;
import org.kontor.host.customers.InvalidInputException;
import org.kontor.host.i18n.Language;
import org.kontor.host.i18n.SupportedLanguages;
import org.kontor.host.web.ProblemException;

/**
 * Customers in the admin (ADM-1): search by name, company, e-mail address or id; a customer's page with their
 * master data, a form to change them, the billing flags (no invoices, no payment reminders) and staff notes.
 */
public final class CustomerAdminPages {

    private static final int RESULTS = 50;

    private final Jdbi jdbi;
    private final Customers customers;
    private final BillingProfiles profiles;
    private final CustomerNotes notes;
    private final AdminView view;
    private final SupportedLanguages languages;
    private final java.util.function.Function<String, java.util.Optional<String>> verifiedPhones;

    public CustomerAdminPages(Jdbi jdbi, Customers customers, BillingProfiles profiles, CustomerNotes notes,
                              AdminView view, SupportedLanguages languages) {
        this(jdbi, customers, profiles, notes, view, languages, id -> java.util.Optional.empty());
    }

    /** @param verifiedPhones a customer's mobile number confirmed with a code (ORD-11), by customer id */
    public CustomerAdminPages(Jdbi jdbi, Customers customers, BillingProfiles profiles, CustomerNotes notes,
                              AdminView view, SupportedLanguages languages,
                              java.util.function.Function<String, java.util.Optional<String>> verifiedPhones) {
        this.verifiedPhones = verifiedPhones;
        this.languages = languages;
        this.jdbi = jdbi;
        this.customers = customers;
        this.profiles = profiles;
        this.notes = notes;
        this.view = view;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/customers", this::search, Access.ADMIN);
        routes.get("/admin/customers/{id}", this::show, Access.ADMIN);
        routes.post("/admin/customers/{id}", this::edit, Access.ADMIN);
        routes.post("/admin/customers/{id}/billing", this::billing, Access.ADMIN);
        routes.post("/admin/customers/{id}/notes", this::note, Access.ADMIN);
    }

    private void search(Context ctx) {
        String query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        String pattern = "%" + query.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        List<String> ids = jdbi.withHandle(h -> h.createQuery("""
                        SELECT id FROM customer
                        WHERE LOWER(id) LIKE :p ESCAPE '!' OR email_key LIKE :p ESCAPE '!'
                           OR LOWER(name) LIKE :p ESCAPE '!' OR LOWER(COALESCE(company, '')) LIKE :p ESCAPE '!'
                        ORDER BY created_at DESC, id LIMIT\s""" + RESULTS)
                .bind("p", pattern).mapTo(String.class).list());
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("q", query);
        page.put("customers", ids.stream().flatMap(id -> customers.find(id).stream()).map(CustomerAdminPages::row).toList());
        view.render(ctx, "customers.ftlh", page);
    }

    private void show(Context ctx) {
        Customer customer = customer(ctx);
        show(ctx, customer, row(customer), Map.of());
    }

    /**
     * @param form   the master data form's values
     * @param errors each refused field's {@code code} and {@code arg}, for the messages {@code form.error.<code>}
     */
    private void show(Context ctx, Customer customer, Map<String, Object> form, Map<String, Map<String, String>> errors) {
        BillingProfile profile = profiles.of(customer.id());
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("customer", row(customer));
        page.put("verifiedPhone", verifiedPhones.apply(customer.id()).orElse(""));
        page.put("form", form);
        page.put("errors", errors);
        page.put("languages", languages.languages().stream().map(Language::code).toList());
        page.put("invoicingExcluded", profile.invoicingExcluded());
        page.put("dunningExcluded", profile.dunningExcluded());
        page.put("notes", notes.of(customer.id()).stream().map(note -> Map.of("author", note.author(),
                "body", note.body(), "at", note.createdAt().toString())).toList());
        page.put("done", ctx.queryParam("done") == null ? "" : ctx.queryParam("done"));
        page.put("error", ctx.queryParam("error") == null ? "" : ctx.queryParam("error"));
        view.render(ctx, "customer.ftlh", page);
    }

    private void edit(Context ctx) {
        Customer customer = customer(ctx);
        try {
            customers.updateMasterData(customer.id(), ctx.formParam("name"), ctx.formParam("company"),
                    ctx.formParam("country"), ctx.formParam("language"));
        } catch (InvalidInputException e) {
            Map<String, Object> form = new LinkedHashMap<>(row(customer));
            for (String field : List.of("name", "company", "country", "language")) {
                form.put(field, ctx.formParam(field) == null ? "" : ctx.formParam(field));
            }
            Map<String, Map<String, String>> errors = new LinkedHashMap<>();
            e.errors().forEach((field, error) -> errors.put(field,
                    Map.of("code", error.code(), "arg", error.arg() == null ? "" : error.arg())));
            ctx.status(422);
            show(ctx, customer, form, errors);
            return;
        }
        ctx.redirect("/admin/customers/" + customer.id() + "?done=saved", HttpStatus.SEE_OTHER);
    }

    private void billing(Context ctx) {
        Customer customer = customer(ctx);
        BillingProfile old = profiles.of(customer.id());
        profiles.save(new BillingProfile(old.customerId(), old.street(), old.postalCode(), old.city(), old.vatId(),
                old.registrationNumber(), old.invoiceEmail(), old.delivery(),
                "true".equals(ctx.formParam("invoicingExcluded")), "true".equals(ctx.formParam("dunningExcluded"))));
        ctx.redirect("/admin/customers/" + customer.id() + "?done=billing", HttpStatus.SEE_OTHER);
    }

    private void note(Context ctx) {
        Customer customer = customer(ctx);
        String body = ctx.formParam("note") == null ? "" : ctx.formParam("note").strip();
        if (body.isEmpty() || body.length() > CustomerNotes.MAX_LENGTH) {
            ctx.redirect("/admin/customers/" + customer.id() + "?error=note", HttpStatus.SEE_OTHER);
            return;
        }
        notes.add(customer.id(), Caller.require(ctx).subject(), body);
        ctx.redirect("/admin/customers/" + customer.id() + "?done=note", HttpStatus.SEE_OTHER);
    }

    private Customer customer(Context ctx) {
        return customers.find(ctx.pathParam("id"))
                .orElseThrow(() -> ProblemException.notFound("There is no customer '" + ctx.pathParam("id") + "'."));
    }

    private static Map<String, Object> row(Customer customer) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", customer.id());
        row.put("email", customer.email());
        row.put("name", customer.name());
        row.put("company", customer.company() == null ? "" : customer.company());
        row.put("country", customer.country());
        row.put("language", customer.language());
        row.put("currency", customer.currency());
        row.put("role", customer.role().name());
        row.put("since", customer.createdAt().toString().substring(0, 10));
        return row;
    }
}
