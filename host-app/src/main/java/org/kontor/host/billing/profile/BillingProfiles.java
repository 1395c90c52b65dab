package org.kontor.host.billing.profile;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.kontor.host.billing.Party;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.Customers;

/** The {@code billing_profile} table, and the buyer a customer's documents name. */
public final class BillingProfiles {

    private final Jdbi jdbi;
    private final Customers customers;
    private final Clock clock;

    public BillingProfiles(Jdbi jdbi, Customers customers, Clock clock) {
        this.jdbi = jdbi;
        this.customers = customers;
        this.clock = clock;
    }

    /** The customer's profile; an empty one when they gave no billing details. */
    public BillingProfile of(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT customer_id, street, postal_code, city, vat_id, "
                        + "registration_number, invoice_email, delivery, invoicing_excluded, dunning_excluded "
                        + "FROM billing_profile WHERE customer_id = :id")
                .bind("id", customerId)
                .map((rs, ctx) -> new BillingProfile(rs.getString("customer_id"), lines(rs.getString("street")),
                        rs.getString("postal_code"), rs.getString("city"), rs.getString("vat_id"),
                        rs.getString("registration_number"), rs.getString("invoice_email"),
                        Delivery.valueOf(rs.getString("delivery")), rs.getInt("invoicing_excluded") == 1,
                        rs.getInt("dunning_excluded") == 1))
                .findOne()).orElseGet(() -> BillingProfile.empty(customerId));
    }

    /** Saves the whole profile. */
    public void save(BillingProfile profile) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE billing_profile SET street = :street, postal_code = :postal, city = :city, "
                            + "vat_id = :vat, registration_number = :registration, invoice_email = :email, "
                            + "delivery = :delivery, invoicing_excluded = :excluded, dunning_excluded = :noDunning, "
                            + "updated_at = :now WHERE customer_id = :id")
                    .bindMap(binds(profile)).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO billing_profile (customer_id, street, postal_code, city, vat_id, "
                                + "registration_number, invoice_email, delivery, invoicing_excluded, dunning_excluded, "
                                + "updated_at) VALUES (:id, :street, :postal, :city, :vat, :registration, :email, "
                                + ":delivery, :excluded, :noDunning, :now)")
                        .bindMap(binds(profile)).execute();
            }
        });
    }

    /** The buyer as an issued document names them now: the account's name, company and country with this profile. */
    public Optional<Party> buyer(String customerId) {
        return customers.find(customerId).map(customer -> buyer(customer, of(customerId)));
    }

    public static Party buyer(Customer customer, BillingProfile profile) {
        String email = profile.invoiceEmail() == null ? customer.email() : profile.invoiceEmail();
        return new Party(customer.name(), customer.company(), profile.street(), profile.postalCode(), profile.city(),
                customer.country(), blankToNull(profile.vatId()), blankToNull(profile.registrationNumber()), null, email);
    }

    private java.util.Map<String, Object> binds(BillingProfile profile) {
        java.util.Map<String, Object> binds = new java.util.HashMap<>();
        binds.put("id", profile.customerId());
        binds.put("street", String.join("\n", profile.street()));
        binds.put("postal", profile.postalCode());
        binds.put("city", profile.city());
        binds.put("vat", profile.vatId());
        binds.put("registration", profile.registrationNumber());
        binds.put("email", profile.invoiceEmail());
        binds.put("delivery", profile.delivery().name());
        binds.put("excluded", profile.invoicingExcluded() ? 1 : 0);
        binds.put("noDunning", profile.dunningExcluded() ? 1 : 0);
        binds.put("now", clock.millis());
        return binds;
    }

    private static List<String> lines(String street) {
        return street == null ? List.of() : Arrays.stream(street.split("\n")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
