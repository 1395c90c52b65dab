package org.kontor.api.verification;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A text message to one phone.
 *
 * @param phoneNumber in E.164 form, e.g. {@code +4512345678}
 * @param text        what it says
 */
public record TextMessage(String phoneNumber, String text) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public TextMessage {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(text, "text");
        if (!E164.matcher(phoneNumber).matches()) {
            throw new IllegalArgumentException("phoneNumber: '" + phoneNumber + "' is not in E.164 form (+4512345678)");
        }
    }
}
