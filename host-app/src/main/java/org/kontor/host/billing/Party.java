package org.kontor.host.billing;

import java.util.List;
import java.util.Objects;

/**
 * A seller or buyer as a document names it.
 *
 * @param company            null for a private person
 * @param countryCode        ISO 3166-1 alpha-2
 * @param vatId              with its country prefix (DK12345678, CZ12345678 = the Czech DIČ); null when none
 * @param registrationNumber company registration (CVR, Handelsregister, IČO); null when none
 * @param taxNumber          a national tax number apart from the VAT id (German Steuernummer); null when none
 */
public record Party(String name, String company, List<String> street, String postalCode, String city,
                    String countryCode, String vatId, String registrationNumber, String taxNumber, String email) {

    public Party {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(countryCode, "countryCode");
        street = street == null ? List.of() : List.copyOf(street);
    }

    public boolean isBusiness() {
        return company != null && !company.isBlank();
    }

    /** The name a document heads the party with: the company if there is one. */
    public String displayName() {
        return isBusiness() ? company : name;
    }
}
