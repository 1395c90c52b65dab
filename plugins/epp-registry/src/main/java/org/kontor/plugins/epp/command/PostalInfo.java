package org.kontor.plugins.epp.command;

import java.util.List;
import java.util.Objects;

/**
 * A contact's postal information (RFC 5733 §2.3).
 *
 * @param type {@code loc} (UTF-8) or {@code int} (7-bit ASCII)
 * @param organization the organization, or null
 * @param province the state or province, or null
 * @param postalCode the postal code, or null
 */
public record PostalInfo(String type, String name, String organization, List<String> streets, String city,
        String province, String postalCode, String countryCode) {

    public PostalInfo {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        streets = List.copyOf(streets);
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(countryCode, "countryCode");
    }
}
