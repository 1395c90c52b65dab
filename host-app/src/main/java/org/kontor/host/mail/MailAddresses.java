package org.kontor.host.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

/** Parses one e-mail address, such as {@code jane@example.dk} or {@code Jane Ærø <jane@example.dk>}. */
final class MailAddresses {

    private MailAddresses() {
    }

    /**
     * @param field names the value in the error message, e.g. "to"
     * @throws IllegalArgumentException naming the value when it is not exactly one valid address
     */
    static InternetAddress parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": an address is required");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + ": '" + value.strip() + "' contains control characters");
        }
        try {
            InternetAddress parsed = new InternetAddress(value, true); // refuses lists and addresses without a domain
            parsed.validate();
            if (parsed.getPersonal() == null) {
                return parsed;
            }
            // Explicit UTF-8: otherwise the display name is encoded in the platform's charset.
            return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not a valid e-mail address", e);
        }
    }
}
