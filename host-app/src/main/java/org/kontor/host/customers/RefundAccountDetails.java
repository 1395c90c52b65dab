package org.kontor.host.customers;

import java.util.Map;

/**
 * The optional refund bank account of the master data at {@code /account/details}: fields {@code refundIban},
 * {@code refundBic} and {@code refundHolder}.
 */
public interface RefundAccountDetails {

    /** The saved account as the form shows it (empty strings when there is none). */
    Map<String, String> current(String customerId);

    /** Field → why it is refused; empty when the account may be saved (or all fields are empty). */
    Map<String, FieldError> problems(String iban, String bic, String holder);

    /** Saves the account; all fields empty removes it. */
    void save(String customerId, String iban, String bic, String holder);
}
