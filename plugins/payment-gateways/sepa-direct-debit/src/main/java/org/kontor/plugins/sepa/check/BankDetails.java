package org.kontor.plugins.sepa.check;

import java.util.Locale;
import java.util.Optional;
import org.iban4j.BicFormatException;
import org.iban4j.BicUtil;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

/** IBAN and BIC checks (PAY-5) with iban4j: the IBAN's country format and check digits, the BIC's format and country. */
public final class BankDetails {

    private BankDetails() {
    }

    /** The IBAN as stored: upper case, without spaces. */
    public static String normalizeIban(String iban) {
        return iban == null ? null : iban.replace(" ", "").replace("\u00a0", "").toUpperCase(Locale.ROOT);
    }

    public static String normalizeBic(String bic) {
        return bic == null || bic.isBlank() ? null : bic.strip().toUpperCase(Locale.ROOT);
    }

    /** Why the (normalized) IBAN is not valid, or empty when it is. */
    public static Optional<String> ibanProblem(String iban) {
        if (iban == null || iban.isEmpty()) {
            return Optional.of("is required");
        }
        try {
            IbanUtil.validate(iban);
            return Optional.empty();
        } catch (InvalidCheckDigitException e) {
            return Optional.of("has wrong check digits");
        } catch (UnsupportedCountryException e) {
            return Optional.of("is from a country without IBANs");
        } catch (IbanFormatException e) {
            return Optional.of("does not have its country's IBAN format");
        }
    }

    /** Why the (normalized) BIC is not valid, or empty when it is. */
    public static Optional<String> bicProblem(String bic) {
        if (bic == null || bic.isEmpty()) {
            return Optional.of("is required");
        }
        try {
            BicUtil.validate(bic);
            return Optional.empty();
        } catch (UnsupportedCountryException e) {
            return Optional.of("names an unknown country");
        } catch (BicFormatException e) {
            return Optional.of("is not 8 or 11 letters and digits in the BIC format");
        }
    }
}
