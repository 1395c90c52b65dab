package org.kontor.host.billing.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.kontor.api.money.Money;

/**
 * One VAT rate of one issued document: net, VAT and gross at that rate; {@code documentGross} and {@code paid} repeat
 * the whole document's figures on each of its rows. Credit notes have negative amounts.
 *
 * @param documentType the series: INVOICE, CREDIT_NOTE, ADVANCE_TAX_DOCUMENT or SETTLEMENT
 */
public record DocumentRow(String documentType, String number, LocalDate issueDate, LocalDate supplyDate,
                          LocalDate dueDate, String customerId, String buyerName, String buyerCountry,
                          String buyerVatId, String vatTreatment, String vatCountry, String currency, BigDecimal vatRate,
                          Money net, Money vat, Money gross, Money documentGross, Money paid, String state,
                          String correctsNumber) {
}
