package org.kontor.api.billing;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The address block of a letter.
 *
 * @param name        the person, or the company's name when it is a business
 * @param attention   a second line such as the contact person of a company, or null
 * @param street      one or more street lines
 * @param postalCode  the postal code, or null in countries without one
 * @param city        the town
 * @param countryCode ISO 3166-1 alpha-2
 * @since 1.4.0
 */
public record PostalRecipient(String name, String attention, List<String> street, String postalCode, String city,
                              String countryCode) {

    public PostalRecipient {
        name = required(name, "name");
        attention = attention == null || attention.isBlank() ? null : attention.strip();
        street = street == null ? List.of() : street.stream().filter(Objects::nonNull).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        if (street.isEmpty()) {
            throw new IllegalArgumentException("street: at least one line is required");
        }
        postalCode = postalCode == null || postalCode.isBlank() ? null : postalCode.strip();
        city = required(city, "city");
        countryCode = required(countryCode, "countryCode").toUpperCase(Locale.ROOT);
    }

    /** The lines as an envelope shows them: name, attention, street, postal code with city, country. */
    public List<String> lines() {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(name);
        if (attention != null) {
            lines.add(attention);
        }
        lines.addAll(street);
        lines.add(postalCode == null ? city : postalCode + " " + city);
        lines.add(new Locale("", countryCode).getDisplayCountry(Locale.ENGLISH).toUpperCase(Locale.ROOT));
        return lines;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": is required");
        }
        return value.strip();
    }
}
