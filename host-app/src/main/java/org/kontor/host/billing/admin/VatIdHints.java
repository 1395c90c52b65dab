package org.kontor.host.billing.admin;

import java.util.Map;

/** What follows the prefix of each EU country's VAT id, in words, for the message that refuses a malformed one. */
final class VatIdHints {

    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("AT", "U and 8 digits"),
            Map.entry("BE", "10 digits starting with 0 or 1"),
            Map.entry("BG", "9 or 10 digits"),
            Map.entry("CY", "8 digits and a letter"),
            Map.entry("CZ", "8, 9 or 10 digits (8 for a company, with its check digit)"),
            Map.entry("DE", "9 digits, the last a check digit"),
            Map.entry("DK", "8 digits, weighted check sum divisible by 11"),
            Map.entry("EE", "9 digits"),
            Map.entry("EL", "9 digits"),
            Map.entry("ES", "9 characters: a letter or digit, 7 digits, a letter or digit"),
            Map.entry("FI", "8 digits"),
            Map.entry("FR", "2 letters or digits and 9 digits"),
            Map.entry("HR", "11 digits"),
            Map.entry("HU", "8 digits"),
            Map.entry("IE", "8 or 9 characters, e.g. 1234567WA"),
            Map.entry("IT", "11 digits"),
            Map.entry("LT", "9 or 12 digits"),
            Map.entry("LU", "8 digits"),
            Map.entry("LV", "11 digits"),
            Map.entry("MT", "8 digits"),
            Map.entry("NL", "9 digits, B and 2 digits"),
            Map.entry("PL", "10 digits"),
            Map.entry("PT", "9 digits"),
            Map.entry("RO", "2 to 10 digits"),
            Map.entry("SE", "10 digits and 01"),
            Map.entry("SI", "8 digits"),
            Map.entry("SK", "10 digits, divisible by 11"));

    private VatIdHints() {
    }

    static String of(String prefix) {
        return HINTS.getOrDefault(prefix, "the national number");
    }
}
