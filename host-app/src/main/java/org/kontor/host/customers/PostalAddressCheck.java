package org.kontor.host.customers;

import java.util.Map;
import org.kontor.api.contact.PostalAddress;

/**
 * Checks a postal address before a holder contact is saved: the address verifiers' refusals, and the address as
 * they would write it.
 */
@FunctionalInterface
public interface PostalAddressCheck {

    /** No check: every address is taken as given. */
    PostalAddressCheck NONE = address -> new Checked(address, Map.of());

    Checked check(PostalAddress address);

    /**
     * @param address  the address to save (the verifiers' correction, or as given)
     * @param refused  field ({@code postalCode}, {@code street}, {@code city}, {@code region}) → English reason;
     *                 empty when the address is accepted
     */
    record Checked(PostalAddress address, Map<String, String> refused) {

        public Checked {
            refused = Map.copyOf(refused);
        }
    }
}
