package org.kontor.plugins.banktransfer;

import java.util.Optional;
import org.kontor.api.money.Money;
import org.kontor.plugins.banktransfer.reference.ConstantSymbol;
import org.kontor.plugins.banktransfer.reference.PaymentReference;

/**
 * The text of a payment QR code, as the host prints on invoices: SPAYD ("QR platba") for CZK, the European Payments
 * Council's code (EPC069-12, "GiroCode") for EUR; none for other currencies.
 */
public final class PaymentQr {

    private PaymentQr() {
    }

    public static Optional<String> payload(String holder, String iban, String bic, Money amount, PaymentReference reference,
                                           ConstantSymbol constantSymbol) {
        return switch (amount.currencyCode()) {
            case "CZK" -> Optional.of(spayd(iban, bic, amount, reference, constantSymbol));
            case "EUR" -> Optional.of(epc(holder, iban, bic, amount, reference));
            default -> Optional.empty();
        };
    }

    /** {@code SPD*1.0*ACC:<IBAN>[+<BIC>]*AM:<amount>*CC:CZK*X-VS:<symbol>[*X-KS:<constant>]}. */
    static String spayd(String iban, String bic, Money amount, PaymentReference reference, ConstantSymbol constantSymbol) {
        StringBuilder out = new StringBuilder("SPD*1.0*ACC:").append(iban);
        if (bic != null && !bic.isBlank()) {
            out.append('+').append(bic);
        }
        out.append("*AM:").append(amount.amount().toPlainString()).append("*CC:").append(amount.currencyCode());
        if (reference.scheme() == PaymentReference.Scheme.VARIABLE_SYMBOL) {
            out.append("*X-VS:").append(reference.key());
            if (constantSymbol != null) {
                out.append("*X-KS:").append(constantSymbol.value());
            }
        }
        return out.toString();
    }

    /**
     * Version 002, UTF-8, SEPA credit transfer; an RF reference goes into the structured reference line, anything else
     * into the text line (only one of the two may be filled).
     */
    static String epc(String holder, String iban, String bic, Money amount, PaymentReference reference) {
        String name = holder.length() > 70 ? holder.substring(0, 70) : holder;
        boolean structured = reference.scheme() == PaymentReference.Scheme.RF;
        return String.join("\n", "BCD", "002", "1", "SCT", bic == null ? "" : bic, name, iban,
                "EUR" + amount.amount().toPlainString(), "", structured ? reference.key() : "",
                structured ? "" : reference.key());
    }
}
