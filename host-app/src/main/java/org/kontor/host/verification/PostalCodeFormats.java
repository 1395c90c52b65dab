package org.kontor.host.verification;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.kontor.api.contact.PostalAddress;
import org.kontor.api.verification.AddressVerdict;
import org.kontor.api.verification.AddressVerifier;

/**
 * The host's built-in address verifier ({@value #ID}): the postal code's form per country, after the postal code
 * patterns of Google's address data (libaddressinput, as CLDR uses them) and the postal operators' own rules.
 *
 * <p>A code is compared in compact form (upper case, no spaces, hyphens or dots). One written with a country prefix
 * ({@code DK-2100}, {@code D-10115}) or without the separator the country writes ({@code 1234ab} in the Netherlands,
 * {@code 00950} in Poland) is CORRECTED, the suggestion being the code as the post writes it. A country without
 * postal codes takes none (a code given is CORRECTED to none); a missing code and a country not in the table are
 * UNKNOWN.
 */
public final class PostalCodeFormats implements AddressVerifier {

    public static final String ID = "postal-code-format";

    /** One country's rule: the compact form and how the post writes it. */
    private record Format(Pattern compact, UnaryOperator<String> written, String example) {
    }

    /** Countries whose post uses no postal codes. */
    private static final Set<String> WITHOUT_CODES = Set.of("AE", "AG", "AO", "AW", "BF", "BI", "BJ", "BO", "BS", "BW",
            "BZ", "CD", "CF", "CG", "CI", "CK", "CM", "DJ", "DM", "ER", "FJ", "GA", "GD", "GH", "GM", "GQ", "GY", "HK",
            "JM", "KI", "KM", "KN", "KP", "ML", "MO", "MR", "MW", "QA", "RW", "SB", "SC", "SL", "SR", "ST", "SY", "TD",
            "TG", "TK", "TL", "TO", "TT", "TV", "UG", "VU", "YE", "ZW");

    /** Former vehicle and postal prefixes written before codes ({@code D-}, {@code A-}, {@code CH-}, {@code FIN-}). */
    private static final Map<String, List<String>> PREFIXES = Map.ofEntries(
            Map.entry("AT", List.of("A")), Map.entry("BE", List.of("B")), Map.entry("DE", List.of("D")),
            Map.entry("ES", List.of("E")), Map.entry("FI", List.of("FIN", "SF")), Map.entry("FR", List.of("F")),
            Map.entry("HU", List.of("H")), Map.entry("IT", List.of("I")), Map.entry("LU", List.of("L")),
            Map.entry("NO", List.of("N")), Map.entry("PT", List.of("P")), Map.entry("SE", List.of("S")),
            Map.entry("SI", List.of("SLO")), Map.entry("EE", List.of("EST")), Map.entry("IE", List.of("IRL")),
            Map.entry("LI", List.of("FL")), Map.entry("GR", List.of("GR")), Map.entry("MT", List.of("M")));

    private static final Map<String, Format> FORMATS = formats();

    @Override
    public String verifierId() {
        return ID;
    }

    @Override
    public AddressVerdict verify(PostalAddress address) {
        String country = address.countryCode();
        String given = address.postalCode();
        if (WITHOUT_CODES.contains(country)) {
            if (given == null) {
                return AddressVerdict.valid();
            }
            return new AddressVerdict(AddressVerdict.Status.CORRECTED, withPostalCode(address, null),
                    List.of("postalCode: " + country + " has no postal codes"));
        }
        Format format = FORMATS.get(country);
        if (format == null) {
            return AddressVerdict.unknown("postalCode: no postal code format is known for " + country);
        }
        if (given == null) {
            return AddressVerdict.unknown("postalCode: none given");
        }
        String written = written(country, format, given);
        if (written == null) {
            return AddressVerdict.invalid("postalCode: '" + given + "' is not a postal code of " + country
                    + " (such as " + format.example() + ")");
        }
        if (written.equals(given.strip())) {
            return AddressVerdict.valid();
        }
        return new AddressVerdict(AddressVerdict.Status.CORRECTED, withPostalCode(address, written),
                List.of("postalCode: written " + written + " in " + country));
    }

    /** The code as the country's post writes it, or null when it is none of the country's. */
    static String written(String country, Format format, String given) {
        String compact = given.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s.\\-–]", "");
        if (format.compact().matcher(compact).matches()) {
            return format.written().apply(compact);
        }
        List<String> prefixes = new java.util.ArrayList<>(PREFIXES.getOrDefault(country, List.of()));
        prefixes.add(0, country);
        for (String prefix : prefixes) {
            if (compact.startsWith(prefix) && format.compact().matcher(compact.substring(prefix.length())).matches()) {
                return format.written().apply(compact.substring(prefix.length()));
            }
        }
        return null;
    }

    /** Whether the table knows the country (with or without postal codes). */
    public static boolean knows(String country) {
        return FORMATS.containsKey(country) || WITHOUT_CODES.contains(country);
    }

    private static PostalAddress withPostalCode(PostalAddress address, String postalCode) {
        return new PostalAddress(address.street(), address.city(), address.region(), postalCode, address.countryCode());
    }

    private static Map<String, Format> formats() {
        Map<String, Format> table = new HashMap<>();
        UnaryOperator<String> same = UnaryOperator.identity();
        // EU and EEA
        put(table, same, "1010", "AT", "BE", "BG", "CY", "DK", "HU", "LU", "NO", "SI", "CH", "AU", "NZ", "ZA", "MK",
                "AL", "MD", "GE");
        table.put("AT", new Format(Pattern.compile("[1-9]\\d{3}"), same, "1010"));
        table.put("BE", new Format(Pattern.compile("[1-9]\\d{3}"), same, "1000"));
        table.put("CH", new Format(Pattern.compile("[1-9]\\d{3}"), same, "8001"));
        table.put("DK", new Format(Pattern.compile("\\d{4}"), same, "2100"));
        put(table, same, "10115", "DE", "EE", "ES", "FI", "IT", "HR", "LT", "TR", "UA", "BA", "MX", "KR", "US");
        table.put("DE", new Format(Pattern.compile("\\d{5}"), same, "10115"));
        table.put("ES", new Format(Pattern.compile("(?:0[1-9]|[1-4]\\d|5[0-2])\\d{3}"), same, "28001"));
        table.put("FI", new Format(Pattern.compile("\\d{5}"), same, "00100"));
        table.put("AX", new Format(Pattern.compile("22\\d{3}"), same, "22100"));
        table.put("FR", new Format(Pattern.compile("\\d{5}"), same, "75001"));
        table.put("MC", new Format(Pattern.compile("980\\d{2}"), same, "98000"));
        table.put("SM", new Format(Pattern.compile("4789\\d"), same, "47890"));
        table.put("VA", new Format(Pattern.compile("00120"), same, "00120"));
        table.put("AD", new Format(Pattern.compile("AD[1-7]0\\d"), same, "AD500"));
        UnaryOperator<String> threeTwo = code -> code.substring(0, 3) + " " + code.substring(3);
        table.put("CZ", new Format(Pattern.compile("[1-7]\\d{4}"), threeTwo, "110 00"));
        table.put("SK", new Format(Pattern.compile("[089]\\d{4}"), threeTwo, "811 01"));
        table.put("SE", new Format(Pattern.compile("[1-9]\\d{4}"), threeTwo, "114 55"));
        table.put("GR", new Format(Pattern.compile("[1-8]\\d{4}"), threeTwo, "106 75"));
        table.put("IS", new Format(Pattern.compile("\\d{3}"), same, "101"));
        table.put("FO", new Format(Pattern.compile("\\d{3}"), same, "100"));
        table.put("GL", new Format(Pattern.compile("39\\d{2}"), same, "3900"));
        table.put("LI", new Format(Pattern.compile("948[5-9]|949[0-8]"), same, "9490"));
        table.put("LV", new Format(Pattern.compile("\\d{4}"), code -> "LV-" + code, "LV-1050"));
        table.put("NL", new Format(Pattern.compile("[1-9]\\d{3}(?!SA|SD|SS)[A-Z]{2}"),
                code -> code.substring(0, 4) + " " + code.substring(4), "1012 AB"));
        table.put("PL", new Format(Pattern.compile("\\d{5}"), code -> code.substring(0, 2) + "-" + code.substring(2),
                "00-950"));
        table.put("PT", new Format(Pattern.compile("[1-9]\\d{6}"), code -> code.substring(0, 4) + "-" + code.substring(4),
                "1000-001"));
        table.put("RO", new Format(Pattern.compile("\\d{6}"), same, "010011"));
        table.put("MT", new Format(Pattern.compile("[A-Z]{3}\\d{2,4}"),
                code -> code.substring(0, 3) + " " + code.substring(3), "VLT 1117"));
        table.put("IE", new Format(Pattern.compile("(?:[AC-FHKNPRTV-Y]\\d{2}|D6W)[0-9AC-FHKNPRTV-Y]{4}"),
                code -> code.substring(0, 3) + " " + code.substring(3), "D02 X285"));
        // the United Kingdom and the Crown dependencies: outward code, a space, inward code
        UnaryOperator<String> british = code -> code.startsWith("BFPO") ? "BFPO " + code.substring(4)
                : code.substring(0, code.length() - 3) + " " + code.substring(code.length() - 3);
        String inward = "\\d[ABD-HJLNP-UW-Z]{2}";
        table.put("GB", new Format(Pattern.compile("GIR0AA|[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]?" + inward + "|BFPO\\d{1,4}"),
                british, "SW1A 1AA"));
        table.put("GG", new Format(Pattern.compile("GY\\d[\\dA-Z]?" + inward), british, "GY1 1AA"));
        table.put("JE", new Format(Pattern.compile("JE\\d[\\dA-Z]?" + inward), british, "JE2 3AB"));
        table.put("IM", new Format(Pattern.compile("IM\\d[\\dA-Z]?" + inward), british, "IM1 1AA"));
        table.put("GI", new Format(Pattern.compile("GX111AA"), british, "GX11 1AA"));
        // North America, Australia and others
        table.put("US", new Format(Pattern.compile("\\d{5}(?:\\d{4})?"),
                code -> code.length() == 5 ? code : code.substring(0, 5) + "-" + code.substring(5), "94043"));
        table.put("CA", new Format(Pattern.compile("[ABCEGHJ-NPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z]\\d[ABCEGHJ-NPRSTV-Z]\\d"),
                code -> code.substring(0, 3) + " " + code.substring(3), "K1A 0B1"));
        table.put("AU", new Format(Pattern.compile("\\d{4}"), same, "2000"));
        table.put("JP", new Format(Pattern.compile("\\d{7}"), code -> code.substring(0, 3) + "-" + code.substring(3),
                "100-0001"));
        table.put("BR", new Format(Pattern.compile("\\d{8}"), code -> code.substring(0, 5) + "-" + code.substring(5),
                "01310-100"));
        table.put("ME", new Format(Pattern.compile("8\\d{4}"), same, "81000"));
        table.put("RS", new Format(Pattern.compile("\\d{5,6}"), same, "11000"));
        table.put("IN", new Format(Pattern.compile("[1-9]\\d{5}"), same, "110001"));
        table.put("CN", new Format(Pattern.compile("\\d{6}"), same, "100000"));
        table.put("RU", new Format(Pattern.compile("\\d{6}"), same, "101000"));
        table.put("BY", new Format(Pattern.compile("\\d{6}"), same, "220050"));
        table.put("SG", new Format(Pattern.compile("\\d{6}"), same, "018956"));
        table.put("IL", new Format(Pattern.compile("\\d{5}(?:\\d{2})?"), same, "9614303"));
        return Map.copyOf(table);
    }

    private static void put(Map<String, Format> table, UnaryOperator<String> written, String example,
                            String... countries) {
        Pattern digits = Pattern.compile("\\d{" + example.length() + "}");
        for (String country : countries) {
            table.put(country, new Format(digits, written, example));
        }
    }
}
