package org.kontor.plugins.banktransfer.reference;

import java.util.Objects;

/**
 * The reference a payer quotes, in one of the schemes this plugin knows.
 *
 * @param key     the canonical form that statements are matched on: the 15-digit +71 payment id, the variable
 *                symbol without leading zeros, the RF reference in electronic form
 * @param display what the payer is shown: the FI line, the symbol, the RF reference in groups of four
 */
public record PaymentReference(Scheme scheme, String key, String display) {

    /** The kinds of reference. */
    public enum Scheme {
        /** The Danish FI card +71 payment id. */
        FIK,
        /** The Czech/Slovak variable symbol. */
        VARIABLE_SYMBOL,
        /** The ISO 11649 creditor reference. */
        RF
    }

    public PaymentReference {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(display, "display");
    }

    public static PaymentReference of(FikReference fik) {
        return new PaymentReference(Scheme.FIK, fik.paymentId(), fik.line());
    }

    /** A +71 payment id read from a statement, where the creditor number is not repeated. */
    public static PaymentReference fikPaymentId(String paymentId) {
        if (!FikReference.isValidPaymentId(paymentId)) {
            throw new IllegalArgumentException("not a valid +71 payment id: '" + paymentId + "'");
        }
        return new PaymentReference(Scheme.FIK, paymentId, paymentId);
    }

    public static PaymentReference of(VariableSymbol symbol) {
        return new PaymentReference(Scheme.VARIABLE_SYMBOL, symbol.value(), symbol.value());
    }

    public static PaymentReference of(RfReference rf) {
        return new PaymentReference(Scheme.RF, rf.value(), rf.printed());
    }

    /** Whether both name the same payment, however each was written. */
    public boolean sameAs(PaymentReference other) {
        return other != null && scheme == other.scheme && key.equals(other.key);
    }
}
