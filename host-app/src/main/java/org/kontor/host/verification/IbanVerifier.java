package org.kontor.host.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.iban4j.BicFormatException;
import org.iban4j.BicUtil;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;
import org.kontor.api.verification.BankAccountVerdict;
import org.kontor.api.verification.BankAccountVerifier;

/**
 * The host's built-in bank account verifier ({@value #ID}), with iban4j: the IBAN's country, length and national
 * format and its check digits (ISO 13616, mod 97), the BIC's form (ISO 9362) and that the BIC's bank is in the IBAN's
 * country. Territories that use another country's IBAN (the French overseas departments, the Crown dependencies, the
 * Åland Islands) may have BICs of their own. It does not know whether the account exists.
 *
 * <p>Problems are {@code code: text} with the codes {@code iban-required}, {@code iban-invalid},
 * {@code iban-check-digits}, {@code iban-country}, {@code bic-invalid} and {@code bic-country}.
 */
public final class IbanVerifier implements BankAccountVerifier {

    public static final String ID = "iban";

    /** BIC countries that may hold an account of an IBAN country other than their own. */
    private static final Map<String, Set<String>> BIC_COUNTRIES = Map.of(
            "FR", Set.of("FR", "GF", "GP", "MQ", "RE", "YT", "NC", "PF", "PM", "BL", "MF", "TF", "WF"),
            "GB", Set.of("GB", "GG", "JE", "IM"),
            "FI", Set.of("FI", "AX"));

    @Override
    public String verifierId() {
        return ID;
    }

    @Override
    public BankAccountVerdict verify(String iban, String bic) {
        List<String> problems = new ArrayList<>();
        String electronic = iban == null ? "" : iban.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
        String country = electronic.length() >= 2 ? electronic.substring(0, 2) : null;
        String readIban = null;
        if (electronic.isEmpty()) {
            problems.add("iban-required: an IBAN is required");
            country = null;
        } else {
            try {
                IbanUtil.validate(electronic);
                readIban = electronic;
            } catch (InvalidCheckDigitException e) {
                problems.add("iban-check-digits: the check digits of " + electronic + " are wrong (a typing error?)");
            } catch (UnsupportedCountryException e) {
                problems.add("iban-country: " + country + " has no IBANs");
                country = null;
            } catch (IbanFormatException e) {
                problems.add("iban-invalid: " + electronic + " is not an IBAN of " + country + " ("
                        + e.getFormatViolation().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
            }
        }
        String readBic = null;
        String compactBic = bic == null ? "" : bic.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!compactBic.isEmpty()) {
            try {
                BicUtil.validate(compactBic);
                readBic = compactBic;
            } catch (BicFormatException | UnsupportedCountryException e) {
                problems.add("bic-invalid: " + compactBic + " is not a BIC (8 or 11 letters and digits, "
                        + "such as DEUTDEFF)");
            }
            if (readBic != null && country != null) {
                String bicCountry = readBic.substring(4, 6);
                if (!BIC_COUNTRIES.getOrDefault(country, Set.of(country)).contains(bicCountry)) {
                    problems.add("bic-country: the BIC " + readBic + " is of a bank in " + bicCountry
                            + ", the IBAN of an account in " + country);
                }
            }
        }
        return new BankAccountVerdict(problems.isEmpty(), readIban, readBic, country, problems);
    }
}
