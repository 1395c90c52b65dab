package org.kontor.plugins.sepa.returns;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The ISO 20022 reason codes banks give for SEPA direct debit returns, rejects and refunds. */
public final class ReturnReasons {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{4}");
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("AC01", "account identifier incorrect"),
            Map.entry("AC04", "account closed"),
            Map.entry("AC06", "account blocked"),
            Map.entry("AC13", "debtor account is a consumer account (B2B)"),
            Map.entry("AG01", "transaction forbidden on this account"),
            Map.entry("AG02", "invalid bank operation code"),
            Map.entry("AM04", "insufficient funds"),
            Map.entry("AM05", "duplicate collection"),
            Map.entry("BE05", "creditor identifier unknown"),
            Map.entry("CNOR", "creditor bank not registered"),
            Map.entry("DNOR", "debtor bank not registered"),
            Map.entry("FF01", "invalid file format"),
            Map.entry("MD01", "no valid mandate"),
            Map.entry("MD02", "mandate data missing or incorrect"),
            Map.entry("MD06", "refund requested by the debtor"),
            Map.entry("MD07", "debtor deceased"),
            Map.entry("MS02", "refused by the debtor"),
            Map.entry("MS03", "reason not specified"),
            Map.entry("RC01", "bank identifier incorrect"),
            Map.entry("RR01", "regulatory reason: debtor account or identification missing"),
            Map.entry("RR02", "regulatory reason: debtor name or address missing"),
            Map.entry("RR03", "regulatory reason: creditor name or address missing"),
            Map.entry("RR04", "regulatory reason"),
            Map.entry("SL01", "specific service offered by the debtor bank"));

    private ReturnReasons() {
    }

    /** Whether {@code code} has the form of an ISO 20022 external reason code (four letters or digits). */
    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    public static Optional<String> describe(String code) {
        return Optional.ofNullable(KNOWN.get(code));
    }
}
