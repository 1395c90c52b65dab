package org.kontor.host.billing.pdf;

import java.util.Locale;
import java.util.Optional;
import org.kontor.host.billing.Invoice;

/**
 * What a document offers the payer to scan or type: a SPAYD QR code (Czech "QR platba") for CZK, an EPC/GiroCode QR
 * code (SEPA credit transfer) for EUR, and for DKK the FI line {@code +71<payment id+creditor<} printed as text.
 */
public final class PaymentCodes {

    private PaymentCodes() {
    }

    /**
     * The QR payload for the document's currency, when it has one, the seller has an IBAN and something is left to pay
     * ({@link InvoicePdf#amountToPay}: never on an advance payment's tax document, a settlement or a credit note).
     */
    public static Optional<String> qrPayload(Invoice invoice) {
        if (invoice.seller() == null || invoice.seller().iban() == null || !InvoicePdf.amountToPay(invoice).isPositive()) {
            return Optional.empty();
        }
        return switch (invoice.currency().getCurrencyCode()) {
            case "CZK" -> Optional.of(spayd(invoice));
            case "EUR" -> Optional.of(epc(invoice));
            default -> Optional.empty();
        };
    }

    /** {@code SPD*1.0*ACC:<IBAN>*AM:<amount>*CC:CZK*X-VS:<reference>}, the Czech banks' short payment descriptor. */
    static String spayd(Invoice invoice) {
        return "SPD*1.0*ACC:" + invoice.seller().iban() + "*AM:" + InvoicePdf.amountToPay(invoice).amount().toPlainString()
                + "*CC:" + invoice.currency().getCurrencyCode() + "*X-VS:" + invoice.paymentReference();
    }

    /** The European Payments Council's QR code (version 002, UTF-8, SEPA credit transfer), text: the number. */
    static String epc(Invoice invoice) {
        String bic = invoice.seller().bic() == null ? "" : invoice.seller().bic();
        String name = invoice.seller().party().displayName();
        return String.join("\n", "BCD", "002", "1", "SCT", bic, name.length() > 70 ? name.substring(0, 70) : name,
                invoice.seller().iban(), "EUR" + InvoicePdf.amountToPay(invoice).amount().toPlainString(), "", "",
                invoice.number());
    }

    /**
     * The Danish FI line of card type 71: {@code +71<} the 15-digit payment id (the reference, zero-padded to 14
     * digits, and a modulus-10 check digit) {@code +} the creditor number {@code <}; empty for other currencies or
     * without a creditor number, and when nothing is left to pay.
     */
    public static Optional<String> fikLine(Invoice invoice) {
        if (!"DKK".equals(invoice.currency().getCurrencyCode()) || invoice.seller() == null
                || !InvoicePdf.amountToPay(invoice).isPositive()
                || invoice.seller().fiCreditor() == null || invoice.paymentReference() == null) {
            return Optional.empty();
        }
        String base = String.format(Locale.ROOT, "%014d", Long.parseLong(invoice.paymentReference()));
        return Optional.of("+71<" + base + mod10(base) + "+" + invoice.seller().fiCreditor() + "<");
    }

    /** Modulus 10 with weights 2, 1, 2, 1 … from the right, digit sums of the products. */
    static int mod10(String digits) {
        int sum = 0;
        boolean two = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int product = (digits.charAt(i) - '0') * (two ? 2 : 1);
            sum += product / 10 + product % 10;
            two = !two;
        }
        return (10 - sum % 10) % 10;
    }
}
