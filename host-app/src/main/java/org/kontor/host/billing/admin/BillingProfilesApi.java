package org.kontor.host.billing.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.billing.profile.BillingAddressCheck;
import org.kontor.host.billing.profile.BillingProfile;
import org.kontor.host.billing.profile.BillingProfiles;
import org.kontor.host.billing.profile.Delivery;
import org.kontor.host.billing.vat.EuVatRates;
import org.kontor.host.billing.vat.VatIdFormat;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.Customers;
import org.kontor.host.customers.PostalAddressCheck;
import org.kontor.host.customers.EmailAddresses;
import org.kontor.host.web.ProblemException;

/**
 * Billing profiles (PAY-4). The operator reads and replaces a customer's whole profile, including the exclusions from
 * invoicing and dunning; customers read and replace their own address, VAT id, invoice e-mail and delivery, never the
 * exclusions. A VAT id of an EU country must be well-formed for the customer's country (check digits included) and
 * is stored without spaces and with its prefix.
 */
public final class BillingProfilesApi {

    private static final String[] OPERATOR_ONLY = {"invoicingExcluded", "dunningExcluded"};
    private static final int STREET_LINES = 4;
    private static final int TEXT_MAX = 200;

    private final BillingProfiles profiles;
    private final Customers customers;
    private final EuVatRates rates;
    private final BillingAddressCheck addressCheck;
    private final JsonBodies bodies;

    public BillingProfilesApi(BillingProfiles profiles, Customers customers, EuVatRates rates, ObjectMapper json) {
        this(profiles, customers, rates, json, PostalAddressCheck.NONE);
    }

    public BillingProfilesApi(BillingProfiles profiles, Customers customers, EuVatRates rates, ObjectMapper json,
                              PostalAddressCheck addressCheck) {
        this.addressCheck = new BillingAddressCheck(addressCheck);
        this.profiles = profiles;
        this.customers = customers;
        this.rates = rates;
        this.bodies = new JsonBodies(json);
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/admin/customers/{id}/billing",
                ctx -> ctx.json(view(profiles.of(customer(ctx.pathParam("id")).id()), true)), Access.ADMIN);
        routes.put("/api/v1/admin/customers/{id}/billing", ctx -> {
            Customer customer = customer(ctx.pathParam("id"));
            ctx.json(view(save(customer, bodies.object(ctx), true), true));
        }, Access.ADMIN);
        routes.get("/api/v1/customers/me/billing", ctx -> ctx.json(view(profiles.of(me(ctx).id()), false)),
                Access.CUSTOMER, Access.RESELLER);
        routes.put("/api/v1/customers/me/billing", ctx -> ctx.json(view(save(me(ctx), bodies.object(ctx), false), false)),
                Access.CUSTOMER, Access.RESELLER);
    }

    private BillingProfile save(Customer customer, JsonNode body, boolean operator) {
        Map<String, String> errors = new LinkedHashMap<>();
        BillingProfile current = profiles.of(customer.id());
        if (!operator) {
            for (String field : OPERATOR_ONLY) {
                if (body.has(field)) {
                    errors.put(field, "Only the operator sets this.");
                }
            }
        }
        List<String> street = street(body.get("street"), errors);
        String postalCode = limited(body, "postalCode", 20, errors);
        String city = limited(body, "city", TEXT_MAX, errors);
        BillingAddressCheck.Result address = addressCheck.check(street, postalCode, city, customer.country());
        if (!address.accepted()) {
            errors.putIfAbsent("postalCode", address.refusal());
        }
        postalCode = address.postalCode();
        String vatId = vatId(customer.country(), JsonBodies.text(body, "vatId"), errors);
        String registration = limited(body, "registrationNumber", 50, errors);
        String invoiceEmail = JsonBodies.text(body, "invoiceEmail");
        if (invoiceEmail != null && (invoiceEmail.length() > EmailAddresses.MAX_LENGTH
                || !EmailAddresses.isValid(invoiceEmail))) {
            errors.put("invoiceEmail", "'" + invoiceEmail + "' is not an e-mail address.");
        }
        Delivery delivery = Delivery.EMAIL;
        String deliveryText = JsonBodies.text(body, "delivery");
        if (deliveryText != null) {
            try {
                delivery = Delivery.valueOf(deliveryText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.put("delivery", "Use EMAIL or EMAIL_AND_POST.");
            }
        }
        boolean invoicingExcluded = operator ? flag(body, "invoicingExcluded", errors) : current.invoicingExcluded();
        boolean dunningExcluded = operator ? flag(body, "dunningExcluded", errors) : current.dunningExcluded();
        if (!errors.isEmpty()) {
            throw JsonBodies.invalid("The billing details cannot be saved as given.", errors);
        }
        BillingProfile profile = new BillingProfile(customer.id(), street, postalCode, city, vatId, registration,
                invoiceEmail, delivery, invoicingExcluded, dunningExcluded);
        profiles.save(profile);
        return profiles.of(customer.id());
    }

    /**
     * Checks a VAT id against the customer's country: for an EU country the VIES format and the check digits; outside
     * the EU only its length, as there is no common format to check.
     */
    private String vatId(String country, String vatId, Map<String, String> errors) {
        if (vatId == null) {
            return null;
        }
        if (vatId.length() > 30) {
            errors.put("vatId", "A VAT id has at most 30 characters.");
            return null;
        }
        if (!rates.isEu(country)) {
            return vatId;
        }
        String normalised = VatIdFormat.normalise(country, vatId).orElseThrow();
        String prefix = normalised.substring(0, 2);
        String compact = vatId.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
        if (compact.length() >= 2 && Character.isLetter(compact.charAt(0)) && Character.isLetter(compact.charAt(1))
                && !compact.startsWith(prefix)) {
            errors.put("vatId", "'" + vatId + "' is not a VAT id of " + country.toUpperCase(Locale.ROOT)
                    + ": it must start with " + prefix + ", the country of the account.");
        } else if (!VatIdFormat.isWellFormed(country, vatId)) {
            errors.put("vatId", "'" + vatId + "' is not a well-formed " + prefix + " VAT id: check the number of "
                    + "digits and the check digit (format for " + country.toUpperCase(Locale.ROOT) + ": " + prefix
                    + " followed by " + VatIdHints.of(prefix) + ").");
        }
        return normalised;
    }

    private static List<String> street(JsonNode node, Map<String, String> errors) {
        List<String> lines = new ArrayList<>();
        if (node == null || node.isNull()) {
            return lines;
        }
        if (node.isTextual()) {
            for (String line : node.asText().split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        } else if (node.isArray()) {
            for (JsonNode line : node) {
                if (!line.isTextual()) {
                    errors.put("street", "Give the address lines as text.");
                    return lines;
                }
                if (!line.asText().isBlank()) {
                    lines.add(line.asText().strip());
                }
            }
        } else {
            errors.put("street", "Give the address lines as a list of text.");
            return lines;
        }
        if (lines.size() > STREET_LINES) {
            errors.put("street", "Use at most " + STREET_LINES + " address lines.");
        } else if (lines.stream().anyMatch(line -> line.length() > TEXT_MAX || line.contains("\n"))) {
            errors.put("street", "Use at most " + TEXT_MAX + " characters per address line.");
        }
        return lines;
    }

    private static String limited(JsonNode body, String field, int max, Map<String, String> errors) {
        String text = JsonBodies.text(body, field);
        if (text != null && text.length() > max) {
            errors.put(field, "Use at most " + max + " characters.");
        }
        return text;
    }

    private static boolean flag(JsonNode body, String field, Map<String, String> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            errors.put(field, "Give true or false.");
            return false;
        }
        return node.asBoolean();
    }

    private Customer customer(String id) {
        return customers.find(id).orElseThrow(() -> ProblemException.notFound("There is no customer " + id + "."));
    }

    private Customer me(Context ctx) {
        String id = Caller.require(ctx).subject();
        return customers.find(id).orElseThrow(() -> ProblemException.notFound("There is no customer account " + id + "."));
    }

    private static Map<String, Object> view(BillingProfile profile, boolean operator) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("customerId", profile.customerId());
        view.put("street", profile.street());
        view.put("postalCode", profile.postalCode());
        view.put("city", profile.city());
        view.put("vatId", profile.vatId());
        view.put("registrationNumber", profile.registrationNumber());
        view.put("invoiceEmail", profile.invoiceEmail());
        view.put("delivery", profile.delivery().name());
        if (operator) {
            view.put("invoicingExcluded", profile.invoicingExcluded());
            view.put("dunningExcluded", profile.dunningExcluded());
        }
        return view;
    }
}
