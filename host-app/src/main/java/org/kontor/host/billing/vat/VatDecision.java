package org.kontor.host.billing.vat;

import java.math.BigDecimal;
import org.kontor.host.billing.VatTreatment;

/**
 * Which rule a sale follows.
 *
 * @param country the country whose VAT applies (the seller's for domestic sales and zero-rated ones)
 * @param noteKey the message key of the statutory wording the document prints, or null
 */
public record VatDecision(VatTreatment treatment, String country, BigDecimal rate, String noteKey) {

    public static final String REVERSE_CHARGE_NOTE = "invoice.note.reverseCharge";
    public static final String EXPORT_NOTE = "invoice.note.export";

    /** A decision made earlier and stored (an order's), with the statutory wording its treatment prints. */
    public static VatDecision of(VatTreatment treatment, String country, BigDecimal rate) {
        String note = switch (treatment) {
            case REVERSE_CHARGE -> REVERSE_CHARGE_NOTE;
            case EXPORT -> EXPORT_NOTE;
            default -> null;
        };
        return new VatDecision(treatment, country, rate, note);
    }
}
