/**
 * Checks of customer data (ORD-11, PAY-5, PAY-6): phone verification with a code sent through the running text message
 * gateway ({@link org.kontor.host.verification.PhoneVerifications}), the credit score risk check
 * ({@link org.kontor.host.verification.CreditScoreCheck}), the built-in postal code and IBAN/BIC verifiers and the
 * checks that run every verifier of an address or bank account, and the customers' refund bank accounts.
 */
package org.kontor.host.verification;
