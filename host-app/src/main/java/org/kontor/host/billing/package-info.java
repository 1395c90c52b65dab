/**
 * Billing (BIL-1, BIL-6, BIL-7, BIL-8): invoices and the other documents of a {@link org.kontor.host.billing.Series},
 * drafted, then issued with a gap-free number ({@link org.kontor.host.billing.InvoiceNumbers}) and the seller's and
 * buyer's data copied onto them ({@link org.kontor.host.billing.InvoiceStore}); VAT per country and EU reverse charge
 * ({@link org.kontor.host.billing.vat}); PDF/A-3 documents with a payment QR code ({@link org.kontor.host.billing.pdf}).
 */
package org.kontor.host.billing;
