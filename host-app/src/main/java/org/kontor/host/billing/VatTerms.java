package org.kontor.host.billing;

import java.util.Objects;
import org.kontor.host.billing.vat.VatDecision;

/**
 * The VAT rule a document to a buyer follows, decided once (see {@link Invoicing#terms}).
 *
 * @param buyerVatCheck how the buyer's VAT id was checked: VALID, INVALID, UNAVAILABLE or NONE
 */
public record VatTerms(Party buyer, VatDecision decision, String buyerVatCheck) {

    public VatTerms {
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(buyerVatCheck, "buyerVatCheck");
    }
}
