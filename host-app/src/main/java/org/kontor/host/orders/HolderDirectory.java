package org.kontor.host.orders;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kontor.api.contact.Contact;
import org.kontor.host.catalog.HolderType;

/** The holder contacts a customer keeps, as the checkout needs them (ORD-9). */
public interface HolderDirectory {

    /** The customer's own contact; another customer's contact is not found. */
    Optional<Holder> holder(String customerId, String contactId);

    List<Holder> holders(String customerId);

    /**
     * A holder: its type for the TLD rules, the contact data sent to the registry, and the same data as named fields
     * ({@code vatNumber}, {@code country}, …) for the catalog's required-field rules.
     */
    record Holder(String id, HolderType type, Contact contact, Map<String, String> fields, String label) {
    }
}
