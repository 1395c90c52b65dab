package org.kontor.api.verification;

import org.pf4j.ExtensionPoint;

/**
 * Checks bank data before a direct debit mandate or a refund to a bank account: the IBAN's form and check digits,
 * the BIC, and — where the provider has a register — that the account exists. The host has a built-in IBAN/BIC
 * checker; plugins add others.
 */
public interface BankAccountVerifier extends ExtensionPoint {

    /** A stable id, e.g. {@code iban-format}. */
    String verifierId();

    /**
     * @param iban the IBAN as entered (spaces allowed)
     * @param bic  the BIC as entered, or null when the customer gave none
     */
    BankAccountVerdict verify(String iban, String bic);
}
