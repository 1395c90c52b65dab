package org.kontor.host.billing.vat;

import java.math.BigDecimal;
import org.kontor.api.tax.VatIdCheck;
import org.kontor.host.billing.Party;
import org.kontor.host.billing.VatTreatment;

/**
 * The VAT rule of a sale of services by an EU seller. Domestic: the seller country's rate. Another EU country: reverse
 * charge for a business whose VAT id the check found valid; otherwise (a consumer, an invalid id, or a check that could
 * not answer) the customer country's rate under the one-stop-shop. Outside the EU: no VAT (export of services).
 */
public final class VatRules {

    private final String sellerCountry;
    private final EuVatRates rates;

    public VatRules(String sellerCountry, EuVatRates rates) {
        if (!rates.isEu(sellerCountry)) {
            throw new IllegalArgumentException("seller country " + sellerCountry + " is not an EU member state");
        }
        this.sellerCountry = EuVatRates.normalise(sellerCountry);
        this.rates = rates;
    }

    /**
     * @param vatIdCheck the check of the buyer's VAT id, or null when the buyer gave none or it was not checked
     */
    public VatDecision decide(Party buyer, VatIdCheck vatIdCheck) {
        String buyerCountry = EuVatRates.normalise(buyer.countryCode());
        if (buyerCountry.equals(sellerCountry)) {
            return new VatDecision(VatTreatment.DOMESTIC, sellerCountry, rates.standardRate(sellerCountry).orElseThrow(),
                    null);
        }
        if (!rates.isEu(buyerCountry)) {
            return new VatDecision(VatTreatment.EXPORT, sellerCountry, BigDecimal.ZERO, VatDecision.EXPORT_NOTE);
        }
        if (vatIdCheck != null && vatIdCheck.isValid()) {
            return new VatDecision(VatTreatment.REVERSE_CHARGE, buyerCountry, BigDecimal.ZERO,
                    VatDecision.REVERSE_CHARGE_NOTE);
        }
        return new VatDecision(VatTreatment.EU_B2C, buyerCountry, rates.standardRate(buyerCountry).orElseThrow(), null);
    }

    /** Whether a buyer's VAT id needs checking: it decides only for buyers in another EU country. */
    public boolean needsVatIdCheck(Party buyer) {
        String buyerCountry = EuVatRates.normalise(buyer.countryCode());
        return buyer.vatId() != null && !buyer.vatId().isBlank() && rates.isEu(buyerCountry)
                && !buyerCountry.equals(sellerCountry);
    }
}
