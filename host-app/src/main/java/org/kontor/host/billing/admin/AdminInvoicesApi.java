package org.kontor.host.billing.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kontor.api.money.Money;
import org.kontor.api.web.Access;
import org.kontor.host.billing.DraftLine;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceIssuedException;
import org.kontor.host.billing.InvoiceState;
import org.kontor.host.billing.InvoiceStore;
import org.kontor.host.billing.Invoicing;
import org.kontor.host.billing.NewDraft;
import org.kontor.host.billing.Party;
import org.kontor.host.billing.Series;
import org.kontor.host.billing.corrections.Correction;
import org.kontor.host.billing.corrections.CorrectionRefused;
import org.kontor.host.billing.corrections.Corrections;
import org.kontor.host.billing.corrections.CreditLine;
import org.kontor.host.billing.profile.BillingProfiles;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.Customers;
import org.kontor.host.i18n.SupportedLanguages;
import org.kontor.host.web.Problem;
import org.kontor.host.web.ProblemException;

/**
 * The operator's documents (BIL-6, BIL-7): individual invoices with free lines, drafted, changed while drafts and
 * issued with the VAT the rules give the customer's billing profile; every document listed and shown; cancellations
 * and credit notes of issued ones. Refused input answers 422 with an error per field.
 */
public final class AdminInvoicesApi {

    static final String BASE = "/api/v1/admin/invoices";
    private static final int DESCRIPTION_MAX = 500;
    private static final int LIST_DEFAULT = 100;
    private static final int LIST_MAX = 1000;

    private final InvoiceStore store;
    private final Invoicing invoicing;
    private final Corrections corrections;
    private final InvoiceSearch search;
    private final BillingProfiles profiles;
    private final Customers customers;
    private final JsonBodies bodies;
    private final SupportedLanguages languages = SupportedLanguages.standard();

    public AdminInvoicesApi(InvoiceStore store, Invoicing invoicing, Corrections corrections, InvoiceSearch search,
                            BillingProfiles profiles, Customers customers,
                            com.fasterxml.jackson.databind.ObjectMapper json) {
        this.store = store;
        this.invoicing = invoicing;
        this.corrections = corrections;
        this.search = search;
        this.profiles = profiles;
        this.customers = customers;
        this.bodies = new JsonBodies(json);
    }

    public void register(RoutesConfig routes) {
        routes.post(BASE, this::createDraft, Access.ADMIN);
        routes.get(BASE, this::list, Access.ADMIN);
        routes.get(BASE + "/{id}", this::one, Access.ADMIN);
        routes.put(BASE + "/{id}/lines", this::replaceLines, Access.ADMIN);
        routes.delete(BASE + "/{id}", this::deleteDraft, Access.ADMIN);
        routes.post(BASE + "/{id}/issue", this::issue, Access.ADMIN);
        routes.post(BASE + "/{id}/cancel", this::cancel, Access.ADMIN);
        routes.post(BASE + "/{id}/credit-notes", this::credit, Access.ADMIN);
        routes.get(BASE + "/{id}/credits", this::credits, Access.ADMIN);
    }

    private void createDraft(Context ctx) {
        JsonNode body = bodies.object(ctx);
        Map<String, String> errors = new LinkedHashMap<>();
        String customerId = JsonBodies.text(body, "customerId");
        Customer customer = null;
        if (customerId == null) {
            errors.put("customerId", "Name the customer the invoice is for.");
        } else {
            customer = customers.find(customerId).orElse(null);
            if (customer == null) {
                errors.put("customerId", "There is no customer " + customerId + ".");
            }
        }
        String language = JsonBodies.text(body, "language");
        if (language != null && !languages.isSupported(language.toLowerCase(Locale.ROOT))) {
            errors.put("language", "Use one of en, da, de, cs or sk.");
        }
        Currency currency = null;
        String currencyCode = JsonBodies.text(body, "currency");
        if (currencyCode != null) {
            try {
                currency = Currency.getInstance(currencyCode.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.put("currency", "'" + currencyCode + "' is not a currency code such as DKK or EUR.");
            }
        } else if (customer != null) {
            currency = Currency.getInstance(customer.currency());
        }
        LocalDate supplyDate = date(body, "supplyDate", errors);
        List<DraftLine> lines = currency == null ? List.of() : lines(body.get("lines"), currency, errors);
        if (!errors.isEmpty()) {
            throw JsonBodies.invalid("The invoice cannot be drafted as given.", errors);
        }
        String documentLanguage = language != null ? language.toLowerCase(Locale.ROOT)
                : languages.isSupported(customer.language()) ? customer.language() : languages.defaultCode();
        String id = store.createDraft(new NewDraft(Series.INVOICE, customer.id(), null, documentLanguage, currency,
                supplyDate, lines));
        ctx.status(201).header("Location", BASE + "/" + id).json(InvoiceViews.invoice(store.find(id).orElseThrow()));
    }

    /** A document; a credit note with what it corrects, why, and the refund it leaves owed. */
    private void one(Context ctx) {
        Invoice invoice = document(ctx);
        Map<String, Object> view = InvoiceViews.invoice(invoice);
        if (invoice.isCorrection()) {
            corrections.ofCreditNote(invoice.id()).ifPresent(correction -> {
                Map<String, Object> about = new LinkedHashMap<>();
                about.put("kind", correction.kind().name());
                about.put("reason", correction.reason());
                about.put("refundOwed", InvoiceViews.money(correction.refundOwed()));
                view.put("correction", about);
            });
        }
        ctx.json(view);
    }

    private void list(Context ctx) {
        Map<String, String> errors = new LinkedHashMap<>();
        Series series = enumParam(ctx, "series", Series.class, errors);
        InvoiceState state = enumParam(ctx, "state", InvoiceState.class, errors);
        LocalDate from = dateParam(ctx, "from", errors);
        LocalDate to = dateParam(ctx, "to", errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.put("to", "The period ends before it starts.");
        }
        int limit = LIST_DEFAULT;
        String limitText = ctx.queryParam("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > LIST_MAX) {
                errors.put("limit", "Give a whole number from 1 to " + LIST_MAX + ".");
            }
        }
        if (!errors.isEmpty()) {
            throw JsonBodies.invalid("The filter is invalid.", errors);
        }
        String customer = ctx.queryParam("customer");
        List<Invoice> found = search.find(new InvoiceFilter(customer == null || customer.isBlank() ? null : customer,
                series, state, from, to, limit));
        ctx.json(Map.of("invoices", found.stream().map(InvoiceViews::invoice).toList()));
    }

    private void replaceLines(Context ctx) {
        Invoice invoice = document(ctx);
        requireDraft(invoice);
        JsonNode body = bodies.object(ctx);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!body.has("lines")) {
            errors.put("lines", "Give the draft's lines.");
        }
        List<DraftLine> lines = lines(body.get("lines"), invoice.currency(), errors);
        if (!errors.isEmpty()) {
            throw JsonBodies.invalid("The lines cannot be used as given.", errors);
        }
        try {
            store.replaceDraftLines(invoice.id(), lines);
        } catch (InvoiceIssuedException e) {
            throw issued(invoice.id());
        }
        ctx.json(InvoiceViews.invoice(store.find(invoice.id()).orElseThrow()));
    }

    private void deleteDraft(Context ctx) {
        Invoice invoice = document(ctx);
        requireDraft(invoice);
        try {
            if (invoice.isCorrection()) {
                corrections.discardDraft(invoice.id());
            } else {
                store.deleteDraft(invoice.id());
            }
        } catch (InvoiceIssuedException e) {
            throw issued(invoice.id());
        }
        ctx.status(204);
    }

    private void issue(Context ctx) {
        Invoice invoice = document(ctx);
        requireDraft(invoice);
        if (invoice.draftLines().isEmpty()) {
            throw JsonBodies.invalid("A document without lines cannot be issued.",
                    Map.of("lines", "Add at least one line."));
        }
        if (invoice.customerId() == null) {
            throw ProblemException.conflict("Draft " + invoice.id() + " names no customer to issue it to.");
        }
        Party buyer = profiles.buyer(invoice.customerId()).orElseThrow(() -> ProblemException.conflict(
                "Customer " + invoice.customerId() + " no longer exists."));
        try {
            ctx.json(InvoiceViews.invoice(invoicing.issue(invoice.id(), buyer)));
        } catch (InvoiceIssuedException e) {
            throw issued(invoice.id());
        }
    }

    private void cancel(Context ctx) {
        Invoice invoice = document(ctx);
        JsonNode body = bodies.object(ctx);
        Correction correction = correct(() -> corrections.cancel(invoice.id(), JsonBodies.text(body, "reason")));
        ctx.status(correction.created() ? 201 : 200).json(InvoiceViews.correction(correction));
    }

    private void credit(Context ctx) {
        Invoice invoice = document(ctx);
        JsonNode body = bodies.object(ctx);
        Map<String, String> errors = new LinkedHashMap<>();
        List<CreditLine> lines = new ArrayList<>();
        JsonNode array = body.get("lines");
        if (array == null || !array.isArray() || array.isEmpty()) {
            errors.put("lines", "Name at least one line to credit, as {\"position\": 1, \"quantity\": \"1\"} "
                    + "or {\"position\": 1, \"amount\": \"10.00\"}.");
        } else {
            for (int i = 0; i < array.size(); i++) {
                JsonNode line = array.get(i);
                String field = "lines[" + i + "]";
                if (!line.isObject()) {
                    errors.put(field, "Give an object with position and quantity or amount.");
                    continue;
                }
                JsonNode position = line.get("position");
                if (position == null || !position.canConvertToInt() || position.asInt() < 1) {
                    errors.put(field + ".position", "Give the line's position, a whole number from 1.");
                    continue;
                }
                BigDecimal quantity = JsonBodies.decimal(line, "quantity", field + ".quantity", errors);
                BigDecimal amount = JsonBodies.decimal(line, "amount", field + ".amount", errors);
                Money money = null;
                if (amount != null) {
                    try {
                        money = Money.of(amount, invoice.currency());
                    } catch (IllegalArgumentException e) {
                        errors.put(field + ".amount", "Use at most " + invoice.currency().getDefaultFractionDigits()
                                + " decimals.");
                        continue;
                    }
                }
                lines.add(new CreditLine(position.asInt(), quantity, money));
            }
        }
        if (!errors.isEmpty()) {
            throw JsonBodies.invalid("The credit note cannot be made as asked.", errors);
        }
        Correction correction = correct(() -> corrections.credit(invoice.id(), JsonBodies.text(body, "reason"), lines));
        ctx.status(201).header("Location", BASE + "/" + correction.creditNote().id())
                .json(InvoiceViews.correction(correction));
    }

    private void credits(Context ctx) {
        Invoice invoice = document(ctx);
        if (!invoice.state().isIssued()) {
            throw ProblemException.conflict("Draft " + invoice.id() + " has not been issued.");
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("invoiceId", invoice.id());
        view.put("lines", corrections.balance(invoice.id()).stream().map(InvoiceViews::balance).toList());
        view.put("creditNotes", corrections.of(invoice.id()).stream().map(InvoiceViews::correction).toList());
        ctx.json(view);
    }

    private static Correction correct(java.util.function.Supplier<Correction> correction) {
        try {
            return correction.get();
        } catch (CorrectionRefused e) {
            if (e.conflict()) {
                throw ProblemException.conflict(e.getMessage());
            }
            throw JsonBodies.invalid(e.getMessage(), e.errors());
        }
    }

    private Invoice document(Context ctx) {
        String id = ctx.pathParam("id");
        return store.find(id).orElseThrow(() -> ProblemException.notFound("There is no document " + id + "."));
    }

    private static void requireDraft(Invoice invoice) {
        if (invoice.state() != InvoiceState.DRAFT) {
            throw issued(invoice.id());
        }
    }

    private static ProblemException issued(String id) {
        return new ProblemException(Problem.of(409, "invoice-issued", "Already issued",
                "Document " + id + " has been issued; an issued document is never changed or deleted: "
                        + "correct it with a credit note."));
    }

    /** Free lines: description, quantity, unit net price in the document's currency, optionally an own VAT rate. */
    private static List<DraftLine> lines(JsonNode array, Currency currency, Map<String, String> errors) {
        List<DraftLine> lines = new ArrayList<>();
        if (array == null || array.isNull()) {
            return lines;
        }
        if (!array.isArray()) {
            errors.put("lines", "Give a list of lines.");
            return lines;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode line = array.get(i);
            String field = "lines[" + i + "]";
            if (!line.isObject()) {
                errors.put(field, "Give an object with description, quantity and unitPrice.");
                continue;
            }
            int before = errors.size();
            String description = JsonBodies.text(line, "description");
            if (description == null) {
                errors.put(field + ".description", "Describe what is invoiced.");
            } else if (description.length() > DESCRIPTION_MAX) {
                errors.put(field + ".description", "Use at most " + DESCRIPTION_MAX + " characters.");
            }
            BigDecimal quantity = JsonBodies.decimal(line, "quantity", field + ".quantity", errors);
            if (quantity == null && !errors.containsKey(field + ".quantity")) {
                errors.put(field + ".quantity", "Give a quantity.");
            } else if (quantity != null && quantity.signum() == 0) {
                errors.put(field + ".quantity", "The quantity must not be zero.");
            }
            BigDecimal unit = JsonBodies.decimal(line, "unitPrice", field + ".unitPrice", errors);
            Money unitPrice = null;
            JsonNode unitNode = line.get("unitPrice");
            if (unitNode != null && unitNode.isObject() && unitNode.hasNonNull("currency")
                    && !unitNode.get("currency").asText().equalsIgnoreCase(currency.getCurrencyCode())) {
                errors.put(field + ".unitPrice", "Give the price in the document's currency, " + currency + ".");
            } else if (unit == null && !errors.containsKey(field + ".unitPrice")) {
                errors.put(field + ".unitPrice", "Give the net unit price.");
            } else if (unit != null) {
                try {
                    unitPrice = Money.of(unit, currency);
                } catch (IllegalArgumentException e) {
                    errors.put(field + ".unitPrice", "Use at most " + currency.getDefaultFractionDigits()
                            + " decimals for " + currency + ".");
                }
            }
            BigDecimal rate = JsonBodies.decimal(line, "vatRate", field + ".vatRate", errors);
            if (rate != null && (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) >= 0)) {
                errors.put(field + ".vatRate", "Give a rate in percent from 0 to below 100, e.g. 25.");
            }
            if (errors.size() == before) {
                lines.add(new DraftLine(description, quantity, unitPrice, rate));
            }
        }
        return lines;
    }

    private static LocalDate date(JsonNode body, String field, Map<String, String> errors) {
        String text = JsonBodies.text(body, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.put(field, "Give a date as yyyy-mm-dd.");
            return null;
        }
    }

    static LocalDate dateParam(Context ctx, String name, Map<String, String> errors) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(name, "Give a date as yyyy-mm-dd.");
            return null;
        }
    }

    private static <E extends Enum<E>> E enumParam(Context ctx, String name, Class<E> type, Map<String, String> errors) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E value : type.getEnumConstants()) {
                names.add(value.name());
            }
            errors.put(name, "Use one of " + String.join(", ", names) + ".");
            return null;
        }
    }
}
