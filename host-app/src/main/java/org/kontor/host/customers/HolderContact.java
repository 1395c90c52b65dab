package org.kontor.host.customers;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.api.contact.Contact;
import org.kontor.api.contact.HolderType;

/**
 * A domain holder (registrant) that belongs to one customer (ORD-9).
 *
 * @param contact the holder's data as registries take it
 */
public record HolderContact(String id, String customerId, Contact contact, Instant createdAt) {

    /** The holder as the plugin API's registries take it. */
    public Contact toContact() {
        return contact;
    }

    /** The holder type under the catalog's name, for its per-TLD rules. */
    public org.kontor.host.catalog.HolderType catalogHolderType() {
        return Contacts.catalogHolderType(contact.type());
    }

    /**
     * The holder's data under the field names the catalog's rules use ({@code vatNumber}, {@code country}, ...):
     * name, organization, street, city, region, postalCode, country (and countryCode), email, phone, mobilePhone,
     * secondaryEmail, vatNumber, ean, pnumber. Fields without a value are left out.
     */
    public Map<String, String> catalogFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "name", contact.name());
        put(fields, "organization", contact.organization());
        put(fields, "street", String.join("\n", contact.address().street()));
        put(fields, "city", contact.address().city());
        put(fields, "region", contact.address().region());
        put(fields, "postalCode", contact.address().postalCode());
        put(fields, "country", contact.address().countryCode());
        put(fields, "countryCode", contact.address().countryCode());
        put(fields, "email", contact.email());
        put(fields, "phone", contact.phone());
        put(fields, "mobilePhone", contact.mobilePhone());
        put(fields, "secondaryEmail", contact.secondaryEmail());
        put(fields, "vatNumber", contact.vatNumber());
        put(fields, "ean", contact.identifier(Contact.EAN).orElse(null));
        put(fields, "pnumber", contact.identifier(Contact.P_NUMBER).orElse(null));
        return fields;
    }

    public HolderType type() {
        return contact.type();
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value);
        }
    }
}
