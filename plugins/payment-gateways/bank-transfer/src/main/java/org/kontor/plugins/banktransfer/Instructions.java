package org.kontor.plugins.banktransfer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.api.money.Money;
import org.kontor.plugins.banktransfer.reference.ConstantSymbol;
import org.kontor.plugins.banktransfer.reference.PaymentReference;

/**
 * What the payer needs to make the transfer.
 *
 * @param reference      the reference to quote, in the scheme of the currency's country
 * @param constantSymbol the Czech/Slovak constant symbol to quote beside a variable symbol, or null
 * @param qrPayload      the text of a payment QR code (SPAYD for CZK, EPC for EUR), or null
 */
public record Instructions(String paymentId, String accountHolder, String iban, String bic, String bankName, Money amount,
                           PaymentReference reference, ConstantSymbol constantSymbol, String qrPayload) {

    /** One line for the host to show or log: account, amount and reference. */
    public String summary() {
        String quote = switch (reference.scheme()) {
            case FIK -> "pay with FI card " + reference.display();
            case VARIABLE_SYMBOL -> "variable symbol " + reference.display()
                    + (constantSymbol == null ? "" : ", constant symbol " + constantSymbol.value());
            case RF -> "reference " + reference.display();
        };
        return "Transfer " + amount + " to " + accountHolder + ", IBAN " + iban + (bic == null ? "" : ", BIC " + bic)
                + "; " + quote + ".";
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("payment", paymentId);
        map.put("accountHolder", accountHolder);
        map.put("iban", iban);
        map.put("bic", bic);
        map.put("bankName", bankName);
        map.put("amount", amount.amount().toPlainString());
        map.put("currency", amount.currencyCode());
        map.put("referenceScheme", reference.scheme().name());
        map.put("reference", reference.display());
        map.put("constantSymbol", constantSymbol == null ? null : constantSymbol.value());
        map.put("qrPayload", qrPayload);
        map.put("summary", summary());
        return map;
    }
}
