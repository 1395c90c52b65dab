package org.kontor.host.verification;

import java.time.Instant;

/**
 * The bank account a customer wants refunds paid to.
 *
 * @param iban   in electronic form (no spaces, upper case)
 * @param bic    or null when the customer gave none
 * @param holder the account holder's name
 */
public record RefundAccount(String customerId, String iban, String bic, String holder, Instant updatedAt) {
}
