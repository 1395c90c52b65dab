package org.kontor.api.verification;

import java.util.List;
import java.util.Objects;

/**
 * What a bank account verifier found.
 *
 * @param valid    whether the IBAN (and the BIC when given) may be used
 * @param iban     the IBAN in electronic form (no spaces, upper case), or null when it could not be read
 * @param bic      the BIC given or found, or null
 * @param country  the account's country (ISO 3166-1 alpha-2), or null
 * @param problems what is wrong, in English, each as {@code code: text} (empty when valid)
 */
public record BankAccountVerdict(boolean valid, String iban, String bic, String country, List<String> problems) {

    public BankAccountVerdict {
        problems = problems == null ? List.of() : List.copyOf(problems);
        if (!valid && problems.isEmpty()) {
            throw new IllegalArgumentException("problems: an invalid account needs at least one");
        }
    }
}
