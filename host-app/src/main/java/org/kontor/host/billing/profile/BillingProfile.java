package org.kontor.host.billing.profile;

import java.util.List;
import java.util.Objects;

/**
 * What a customer's documents say about them and how they are sent.
 *
 * @param street             address lines
 * @param vatId              with the country prefix, or null
 * @param registrationNumber company registration (CVR, IČO, Handelsregister), or null
 * @param invoiceEmail       where documents go, or null for the sign-in address
 * @param invoicingExcluded  the customer gets no invoices (PAY-4)
 * @param dunningExcluded    the customer gets no payment reminders (ADM-8)
 */
public record BillingProfile(String customerId, List<String> street, String postalCode, String city, String vatId,
                             String registrationNumber, String invoiceEmail, Delivery delivery,
                             boolean invoicingExcluded, boolean dunningExcluded) {

    public BillingProfile {
        Objects.requireNonNull(customerId, "customerId");
        street = street == null ? List.of() : List.copyOf(street);
        delivery = delivery == null ? Delivery.EMAIL : delivery;
    }

    /** The profile of a customer who has given no billing details. */
    public static BillingProfile empty(String customerId) {
        return new BillingProfile(customerId, List.of(), null, null, null, null, null, Delivery.EMAIL, false, false);
    }
}
