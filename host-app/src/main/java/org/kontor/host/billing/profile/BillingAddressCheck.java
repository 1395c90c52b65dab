package org.kontor.host.billing.profile;

import java.util.List;
import org.kontor.api.contact.PostalAddress;
import org.kontor.host.customers.PostalAddressCheck;

/**
 * Checks a billing address's postal code against the customer's country with the running address verifiers (PAY-5),
 * as holder contacts are checked. Only a complete address (street, postal code, city) is checked.
 */
public final class BillingAddressCheck {

    private final PostalAddressCheck check;

    public BillingAddressCheck(PostalAddressCheck check) {
        this.check = check;
    }

    /**
     * @param postalCode the postal code to save: as the verifiers write it, or as given
     * @param refusal    why the address was refused (English), or null when it is accepted
     */
    public record Result(String postalCode, String refusal) {

        public boolean accepted() {
            return refusal == null;
        }
    }

    public Result check(List<String> street, String postalCode, String city, String country) {
        if (postalCode == null || city == null || street == null || street.isEmpty() || country == null) {
            return new Result(postalCode, null);
        }
        PostalAddress address;
        try {
            address = new PostalAddress(street, city, null, postalCode, country);
        } catch (IllegalArgumentException e) {
            return new Result(postalCode, null);
        }
        PostalAddressCheck.Checked checked = check.check(address);
        if (!checked.refused().isEmpty()) {
            return new Result(postalCode, checked.refused().values().iterator().next());
        }
        return new Result(checked.address().postalCode(), null);
    }
}
