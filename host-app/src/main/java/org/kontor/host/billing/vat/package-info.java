/**
 * VAT for billing (BIL-8): the EU standard rates ({@link org.kontor.host.billing.vat.EuVatRates}), which rule and
 * rate a sale follows ({@link org.kontor.host.billing.vat.VatRules}), VAT id formats and check digits
 * ({@link org.kontor.host.billing.vat.VatIdFormat}) and the offline {@link org.kontor.api.tax.VatIdValidator}.
 */
package org.kontor.host.billing.vat;
