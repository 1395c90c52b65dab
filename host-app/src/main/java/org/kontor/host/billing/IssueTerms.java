package org.kontor.host.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What issuing fixes on a draft, worked out before the issuing transaction (a VAT id check may call a remote service).
 *
 * @param vatRate the rate, in percent, of every line without one of its own (0 for reverse charge and export, which
 *                also override a line's own rate)
 */
public record IssueTerms(Seller seller, Party buyer, LocalDate issueDate, LocalDate dueDate, VatTreatment treatment,
                         String vatCountry, BigDecimal vatRate, String vatNote, String buyerVatCheck) {

    public IssueTerms {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(treatment, "treatment");
        Objects.requireNonNull(vatRate, "vatRate");
    }

    /** The rate of a line: its own, unless the document is zero-rated as a whole. */
    BigDecimal rateFor(DraftLine line) {
        boolean zeroRated = treatment == VatTreatment.REVERSE_CHARGE || treatment == VatTreatment.EXPORT;
        return zeroRated || line.vatRate() == null ? vatRate : line.vatRate();
    }
}
