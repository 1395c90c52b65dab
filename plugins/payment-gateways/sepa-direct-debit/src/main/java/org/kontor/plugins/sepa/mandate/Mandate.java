package org.kontor.plugins.sepa.mandate;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A signed mandate. {@code recurring} false is a one-off mandate (one OOFF collection).
 *
 * @param email    where pre-notifications go (may be null)
 * @param language the debtor's language for them (en, da, de, cs, sk; may be null)
 */
public record Mandate(String id, String reference, String customerId, String debtorName, String iban, String bic,
                      LocalDate signedOn, Scheme scheme, boolean recurring, MandateState state, String email,
                      String language, Instant createdAt, Instant revokedAt, String revokedBy) {

    public boolean isActive() {
        return state == MandateState.ACTIVE;
    }

    /** The IBAN with all but the last four characters hidden, for lists. */
    public String maskedIban() {
        return iban.substring(0, 4) + "*".repeat(Math.max(0, iban.length() - 8)) + iban.substring(iban.length() - 4);
    }
}
