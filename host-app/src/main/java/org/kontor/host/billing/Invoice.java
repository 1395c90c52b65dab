package org.kontor.host.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.kontor.api.money.Money;

/**
 * A billing document as stored. While it is a {@link InvoiceState#DRAFT} it has no number, seller, buyer, dates or
 * totals ({@code null}) and its lines are {@link #draftLines}; once issued every field below is fixed.
 *
 * @param supplyDate       date of the supply (Leistungsdatum, DUZP); the issue date unless the draft names one
 * @param vatCountry       the country whose VAT applies (ISO alpha-2)
 * @param vatNote          the statutory wording (reverse charge, export) in the document's language, or null
 * @param buyerVatCheck    how the buyer's VAT id was checked at issue (VALID, INVALID, UNAVAILABLE, NONE)
 * @param paymentReference digits the payer quotes (Czech variabilní symbol, the basis of the Danish FIK line)
 * @param correctsId       for a credit note or cancellation: the document it corrects; otherwise null
 * @param correctsNumber   the number of that document, as the credit note prints it
 * @param sourceKey        what the document was made for when it is not an order ({@code topup:<id>},
 *                         {@code settlement:<account>:<yyyy-mm>}, {@code storno:<invoice id>}); one document per key
 */
public record Invoice(String id, Series series, String number, InvoiceState state, String customerId, String orderId,
                      String language, Currency currency, LocalDate issueDate, LocalDate supplyDate, LocalDate dueDate,
                      Seller seller, Party buyer, VatTreatment vatTreatment, String vatCountry, String vatNote,
                      String buyerVatCheck, List<DraftLine> draftLines, List<InvoiceLine> lines, Money net, Money vat,
                      Money gross, Money paid, String paymentReference, Instant createdAt, Instant issuedAt,
                      String correctsId, String correctsNumber, String sourceKey) {

    public Invoice {
        draftLines = draftLines == null ? List.of() : List.copyOf(draftLines);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public List<VatTotal> vatTotals() {
        return VatTotal.of(lines, currency);
    }

    /** Whether the document corrects another (a cancellation or credit note). */
    public boolean isCorrection() {
        return correctsId != null;
    }

    /** What is left to pay. */
    public Money outstanding() {
        return gross == null ? Money.zero(currency) : gross.minus(paid);
    }
}
