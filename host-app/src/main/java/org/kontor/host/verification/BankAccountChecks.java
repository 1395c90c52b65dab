package org.kontor.host.verification;

import java.util.ArrayList;
import java.util.List;
import org.kontor.api.verification.BankAccountVerdict;
import org.kontor.api.verification.BankAccountVerifier;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every running {@link BankAccountVerifier} (the host's {@link IbanVerifier} and the plugins'): the account is
 * valid when none refuses it. A verifier that throws is logged and not counted.
 */
public final class BankAccountChecks {

    private static final Logger log = LoggerFactory.getLogger(BankAccountChecks.class);

    private final Extensions extensions;

    public BankAccountChecks(Extensions extensions) {
        this.extensions = extensions;
    }

    /** The verdicts together: the first readable IBAN, BIC and country, and every verifier's problems. */
    public BankAccountVerdict check(String iban, String bic) {
        List<String> problems = new ArrayList<>();
        String readIban = null;
        String readBic = null;
        String country = null;
        boolean valid = true;
        for (Contribution<BankAccountVerifier> contribution : extensions.of(BankAccountVerifier.class)) {
            BankAccountVerdict verdict;
            try {
                verdict = contribution.extension().verify(iban, bic);
            } catch (RuntimeException e) {
                log.warn("Bank account verifier of plugin {} failed", contribution.pluginId(), e);
                continue;
            }
            if (verdict == null) {
                continue;
            }
            valid &= verdict.valid();
            verdict.problems().stream().filter(problem -> !problems.contains(problem)).forEach(problems::add);
            readIban = readIban == null ? verdict.iban() : readIban;
            readBic = readBic == null ? verdict.bic() : readBic;
            country = country == null ? verdict.country() : country;
        }
        if (!valid && problems.isEmpty()) {
            problems.add("bank-account-invalid: refused");
        }
        return new BankAccountVerdict(valid, readIban, readBic, country, problems);
    }

    /** The stable code of a problem written {@code code: text}. */
    public static String code(String problem) {
        int colon = problem.indexOf(':');
        String code = colon > 0 ? problem.substring(0, colon).strip() : "";
        return code.matches("[a-z0-9-]{1,40}") ? code : "bank-account-invalid";
    }
}
