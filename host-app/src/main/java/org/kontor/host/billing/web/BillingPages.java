package org.kontor.host.billing.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kontor.api.money.Money;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceStore;
import org.kontor.host.billing.profile.BillingAddressCheck;
import org.kontor.host.billing.profile.BillingProfile;
import org.kontor.host.billing.profile.BillingProfiles;
import org.kontor.host.billing.profile.Delivery;
import org.kontor.host.billing.vat.VatIdFormat;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.Customers;
import org.kontor.host.customers.PostalAddressCheck;
import org.kontor.host.i18n.LocaleResolver;

/**
 * The customer center's billing pages: the documents issued to the customer with their PDFs (BIL-3), and the billing
 * details invoices name (address, VAT id, where documents go). The exclusions from invoicing and dunning are the
 * operator's to set, not the customer's.
 */
public final class BillingPages {

    static final String INVOICES = "/account/invoices";
    static final String DETAILS = "/account/billing";
    private static final Access[] BUYERS = {Access.CUSTOMER, Access.RESELLER};
    private static final int MAX_FIELD = 200;

    private final InvoiceStore store;
    private final BillingProfiles profiles;
    private final Customers customers;
    private final LocaleResolver locales;
    private final BillingAddressCheck addressCheck;

    public BillingPages(InvoiceStore store, BillingProfiles profiles, Customers customers, LocaleResolver locales) {
        this(store, profiles, customers, locales, PostalAddressCheck.NONE);
    }

    public BillingPages(InvoiceStore store, BillingProfiles profiles, Customers customers, LocaleResolver locales,
                        PostalAddressCheck addressCheck) {
        this.addressCheck = new BillingAddressCheck(addressCheck);
        this.store = store;
        this.profiles = profiles;
        this.customers = customers;
        this.locales = locales;
    }

    public void register(RoutesConfig routes) {
        routes.get(INVOICES, this::invoices, BUYERS);
        routes.get(DETAILS, ctx -> details(ctx, form(profiles.of(Caller.require(ctx).subject())), Map.of(), false), BUYERS);
        routes.post(DETAILS, this::saveDetails, BUYERS);
    }

    private void invoices(Context ctx) {
        Locale locale = locale(ctx);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        List<Map<String, Object>> list = store.issuedTo(Caller.require(ctx).subject()).stream().map(invoice -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", invoice.id());
            view.put("number", invoice.number());
            view.put("type", invoice.series().name());
            view.put("state", invoice.state().name());
            view.put("issueDate", dates.format(invoice.issueDate()));
            view.put("dueDate", invoice.dueDate() == null ? "" : dates.format(invoice.dueDate()));
            view.put("total", money(invoice.gross(), locale));
            view.put("outstanding", invoice.outstanding().isPositive() && isOpen(invoice)
                    ? money(invoice.outstanding(), locale) : "");
            view.put("corrects", invoice.correctsNumber() == null ? "" : invoice.correctsNumber());
            return view;
        }).toList();
        ctx.render("account/invoices.ftlh", Map.of("invoices", list));
    }

    private void saveDetails(Context ctx) {
        String customerId = Caller.require(ctx).subject();
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : List.of("street", "postalCode", "city", "vatId", "registrationNumber", "invoiceEmail",
                "delivery")) {
            String value = ctx.formParam(field);
            form.put(field, value == null ? "" : value.strip());
        }
        Map<String, Map<String, String>> errors = new LinkedHashMap<>();
        form.forEach((field, value) -> {
            if (value.length() > MAX_FIELD && !field.equals("street")) {
                errors.put(field, error("too-long", String.valueOf(MAX_FIELD)));
            }
        });
        Customer customer = customers.find(customerId).orElseThrow();
        String vatId = form.get("vatId");
        if (!vatId.isEmpty() && !VatIdFormat.isWellFormed(customer.country(), vatId)) {
            errors.put("vatId", error("vat-id-malformed", customer.country()));
        }
        String email = form.get("invoiceEmail");
        if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.put("invoiceEmail", error("email-invalid", ""));
        }
        List<String> street = Arrays.stream(form.get("street").split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty()).limit(3).toList();
        BillingAddressCheck.Result address = addressCheck.check(street, blank(form.get("postalCode")),
                blank(form.get("city")), customer.country());
        if (!address.accepted()) {
            errors.putIfAbsent("postalCode", error("postal-code-invalid", ""));
        }
        Delivery delivery;
        try {
            delivery = form.get("delivery").isEmpty() ? Delivery.EMAIL : Delivery.valueOf(form.get("delivery"));
        } catch (IllegalArgumentException e) {
            errors.put("delivery", error("choice-invalid", ""));
            delivery = Delivery.EMAIL;
        }
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            details(ctx, form, errors, false);
            return;
        }
        BillingProfile current = profiles.of(customerId);
        profiles.save(new BillingProfile(customerId, street, address.postalCode(), blank(form.get("city")),
                VatIdFormat.normalise(customer.country(), vatId).orElse(blank(vatId)),
                blank(form.get("registrationNumber")), blank(email), delivery, current.invoicingExcluded(),
                current.dunningExcluded()));
        details(ctx, form(profiles.of(customerId)), Map.of(), true);
    }

    private void details(Context ctx, Map<String, String> form, Map<String, Map<String, String>> errors, boolean saved) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("form", form);
        page.put("errors", errors);
        page.put("saved", saved);
        page.put("deliveries", Arrays.stream(Delivery.values()).map(d -> Map.of("code", d.name(),
                "name", d.name())).toList());
        ctx.render("account/billing.ftlh", page);
    }

    private static Map<String, String> form(BillingProfile profile) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("street", String.join("\n", profile.street()));
        form.put("postalCode", nullToEmpty(profile.postalCode()));
        form.put("city", nullToEmpty(profile.city()));
        form.put("vatId", nullToEmpty(profile.vatId()));
        form.put("registrationNumber", nullToEmpty(profile.registrationNumber()));
        form.put("invoiceEmail", nullToEmpty(profile.invoiceEmail()));
        form.put("delivery", profile.delivery().name());
        return form;
    }

    private static boolean isOpen(Invoice invoice) {
        return switch (invoice.state()) {
            case ISSUED, PARTIALLY_PAID -> true;
            default -> false;
        };
    }

    private static Map<String, String> error(String code, String arg) {
        return Map.of("code", code, "arg", arg);
    }

    private Locale locale(Context ctx) {
        return Locale.forLanguageTag(locales.language(ctx).code());
    }

    private static String money(Money money, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        format.setMinimumFractionDigits(money.currency().getDefaultFractionDigits());
        format.setMaximumFractionDigits(money.currency().getDefaultFractionDigits());
        return format.format(money.amount());
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
