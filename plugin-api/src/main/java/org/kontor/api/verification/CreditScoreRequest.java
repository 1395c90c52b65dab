package org.kontor.api.verification;

import java.time.LocalDate;
import java.util.Objects;
import org.kontor.api.contact.PostalAddress;
import org.kontor.api.outcome.IdempotencyKey;

/**
 * Whom a credit bureau is asked about.
 *
 * @param name         the person's full name
 * @param organisation the company, or null for a private person
 * @param birthDate    when known, or null
 */
public record CreditScoreRequest(IdempotencyKey key, String customerId, String name, String organisation,
                                 PostalAddress address, LocalDate birthDate) {

    public CreditScoreRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
    }
}
