package org.kontor.api.contact;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A postal address as registries take it (EPP {@code contact:addr}): one to three street lines, city,
 * optional region and postal code, and an ISO 3166-1 alpha-2 country code.
 */
public record PostalAddress(List<String> street, String city, String region, String postalCode, String countryCode) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /**
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public PostalAddress {
        street = street == null ? List.of() : street.stream().filter(Objects::nonNull).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        if (street.isEmpty() || street.size() > 3) {
            throw new IllegalArgumentException("street: one to three lines are required");
        }
        city = requireText(city, "city");
        region = blankToNull(region);
        postalCode = blankToNull(postalCode);
        countryCode = requireText(countryCode, "countryCode").toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(countryCode)) {
            throw new IllegalArgumentException("countryCode: '" + countryCode + "' is not an ISO 3166-1 alpha-2 code");
        }
    }

    public static PostalAddress of(String street, String postalCode, String city, String countryCode) {
        return new PostalAddress(street == null ? null : List.of(street), city, null, postalCode, countryCode);
    }

    static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": is required");
        }
        return value.strip();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
