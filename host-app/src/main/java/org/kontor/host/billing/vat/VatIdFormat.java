package org.kontor.host.billing.vat;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The VAT id formats the European Commission publishes for VIES, per member state, and the check digits of the
 * countries Kontor sells in first (DK, DE, CZ legal entities, SK). A well-formed number is not necessarily registered;
 * only a VIES check says that.
 */
public final class VatIdFormat {

    private static final Map<String, Pattern> FORMATS = Map.ofEntries(
            Map.entry("AT", Pattern.compile("U\\d{8}")),
            Map.entry("BE", Pattern.compile("[01]\\d{9}")),
            Map.entry("BG", Pattern.compile("\\d{9,10}")),
            Map.entry("CY", Pattern.compile("\\d{8}[A-Z]")),
            Map.entry("CZ", Pattern.compile("\\d{8,10}")),
            Map.entry("DE", Pattern.compile("\\d{9}")),
            Map.entry("DK", Pattern.compile("\\d{8}")),
            Map.entry("EE", Pattern.compile("\\d{9}")),
            Map.entry("GR", Pattern.compile("\\d{9}")),
            Map.entry("ES", Pattern.compile("[A-Z0-9]\\d{7}[A-Z0-9]")),
            Map.entry("FI", Pattern.compile("\\d{8}")),
            Map.entry("FR", Pattern.compile("[A-HJ-NP-Z0-9]{2}\\d{9}")),
            Map.entry("HR", Pattern.compile("\\d{11}")),
            Map.entry("HU", Pattern.compile("\\d{8}")),
            Map.entry("IE", Pattern.compile("\\d{7}[A-W][A-I]?|\\d[A-Z+*]\\d{5}[A-W]")),
            Map.entry("IT", Pattern.compile("\\d{11}")),
            Map.entry("LT", Pattern.compile("\\d{9}|\\d{12}")),
            Map.entry("LU", Pattern.compile("\\d{8}")),
            Map.entry("LV", Pattern.compile("\\d{11}")),
            Map.entry("MT", Pattern.compile("\\d{8}")),
            Map.entry("NL", Pattern.compile("\\d{9}B\\d{2}")),
            Map.entry("PL", Pattern.compile("\\d{10}")),
            Map.entry("PT", Pattern.compile("\\d{9}")),
            Map.entry("RO", Pattern.compile("[1-9]\\d{1,9}")),
            Map.entry("SE", Pattern.compile("\\d{10}01")),
            Map.entry("SI", Pattern.compile("\\d{8}")),
            Map.entry("SK", Pattern.compile("[1-9]\\d{9}")));

    private VatIdFormat() {
    }

    /**
     * The number with its prefix and without spaces, dots and dashes ({@code DE 123.456.789} → {@code DE123456789};
     * Greek numbers keep their prefix EL), or empty when the country is not in the EU.
     */
    public static Optional<String> normalise(String countryCode, String vatId) {
        String country = EuVatRates.normalise(countryCode);
        if (!FORMATS.containsKey(country)) {
            return Optional.empty();
        }
        String prefix = country.equals("GR") ? "EL" : country;
        String compact = vatId.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
        return Optional.of(compact.startsWith(prefix) ? compact : prefix + compact);
    }

    /** Whether the number is well-formed for the country (with or without its prefix), check digits included. */
    public static boolean isWellFormed(String countryCode, String vatId) {
        String country = EuVatRates.normalise(countryCode);
        Optional<String> normalised = normalise(country, vatId);
        if (normalised.isEmpty()) {
            return false;
        }
        String digits = normalised.get().substring(2);
        if (!FORMATS.get(country).matcher(digits).matches()) {
            return false;
        }
        return switch (country) {
            case "DK" -> danish(digits);
            case "DE" -> german(digits);
            case "CZ" -> digits.length() != 8 || czechLegalEntity(digits);
            case "SK" -> Long.parseLong(digits) % 11 == 0;
            default -> true;
        };
    }

    /** Weights 2, 7, 6, 5, 4, 3, 2, 1; the sum is divisible by 11. */
    private static boolean danish(String digits) {
        int[] weights = {2, 7, 6, 5, 4, 3, 2, 1};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += weights[i] * (digits.charAt(i) - '0');
        }
        return sum % 11 == 0;
    }

    /** ISO 7064 MOD 11,10 over the first eight digits gives the ninth. */
    private static boolean german(String digits) {
        int product = 10;
        for (int i = 0; i < 8; i++) {
            int sum = (digits.charAt(i) - '0' + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (2 * sum) % 11;
        }
        int check = 11 - product;
        return (check == 10 ? 0 : check) == digits.charAt(8) - '0';
    }

    /** Weights 8 to 2 over the first seven digits; the eighth is (11 − sum mod 11) mod 10. */
    private static boolean czechLegalEntity(String digits) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (8 - i) * (digits.charAt(i) - '0');
        }
        return (11 - sum % 11) % 10 == digits.charAt(7) - '0';
    }
}
