package org.kontor.plugins.banktransfer.reference;

import java.util.Currency;

/**
 * Chooses the reference for a payment from a stable number (an invoice's payment number, a prepaid account's top-up
 * number): a +71 payment id for DKK when the operator has an FI creditor number, a variable symbol for CZK, and an
 * RF creditor reference for everything else (EUR in SEPA, DKK without FI creditor number).
 */
public final class PaymentReferences {

    private final String fiCreditor;

    /** @param fiCreditor the operator's 8-digit FI creditor number, or null when it has none */
    public PaymentReferences(String fiCreditor) {
        this.fiCreditor = fiCreditor == null || fiCreditor.isBlank() ? null : fiCreditor.strip();
    }

    public PaymentReference forNumber(Currency currency, long number) {
        String code = currency.getCurrencyCode();
        if (code.equals("DKK") && fiCreditor != null) {
            return PaymentReference.of(FikReference.of(number, fiCreditor));
        }
        if (code.equals("CZK")) {
            return PaymentReference.of(VariableSymbol.of(number));
        }
        return PaymentReference.of(RfReference.of(number));
    }
}
