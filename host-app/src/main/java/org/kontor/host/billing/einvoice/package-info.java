/**
 * Electronic invoices (EN 16931): {@link org.kontor.host.billing.einvoice.CrossIndustryInvoice} writes an issued
 * document as UN/CEFACT CII XML in the Factur-X / ZUGFeRD 2 profile EN 16931; the invoice PDF embeds it as
 * {@code factur-x.xml} for business buyers, which makes the PDF/A-3 a Factur-X invoice.
 */
package org.kontor.host.billing.einvoice;
