package org.kontor.host.billing;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A document to draft.
 *
 * @param orderId    the order it bills, or null (an individual invoice, BIL-7); one document per order and series
 * @param language   the document's language: en, da, de, cs or sk
 * @param supplyDate the date of the supply when it is not the issue date, or null
 * @param correctsId the issued document a credit note corrects, or null
 * @param sourceKey  what else the document is for ({@code topup:<id>}, {@code settlement:<account>:<yyyy-mm>}, …), or
 *                   null; drafting again with the same key answers the first document
 */
public record NewDraft(Series series, String customerId, String orderId, String language, Currency currency,
                       LocalDate supplyDate, List<DraftLine> lines, String correctsId, String sourceKey) {

    public NewDraft(Series series, String customerId, String orderId, String language, Currency currency,
                    LocalDate supplyDate, List<DraftLine> lines) {
        this(series, customerId, orderId, language, currency, supplyDate, lines, null, null);
    }

    public NewDraft {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(currency, "currency");
        lines = lines == null ? List.of() : List.copyOf(lines);
        for (DraftLine line : lines) {
            if (!line.unitPrice().currency().equals(currency)) {
                throw new IllegalArgumentException("line '" + line.description() + "' is in "
                        + line.unitPrice().currencyCode() + ", the document in " + currency);
            }
        }
    }
}
