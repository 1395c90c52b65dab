/**
 * Checks of customer data through providers (ORD-11, PAY-5, PAY-6): text messages for phone verification, credit
 * scores from bureaus (SCHUFA, CRIF, infoscore), postal address checks and bank account (IBAN/BIC) checks.
 *
 * @since 1.7.0
 */
package org.kontor.api.verification;
