/**
 * Invoice documents as PDF/A-3u (BIL-1): the theme's {@code billing/invoice.ftlh} rendered to XHTML and laid out by
 * openhtmltopdf with embedded DejaVu Sans (a subset for European scripts, see {@code fonts/README.md}; Bitstream Vera licence, which
 * allows embedding and redistribution, see {@code fonts/DejaVu-LICENSE.txt}), with the payment code of the currency
 * ({@link org.kontor.host.billing.pdf.PaymentCodes}) when something is left to pay, and for business buyers the
 * EN 16931 XML as {@code factur-x.xml} ({@link org.kontor.host.billing.einvoice.CrossIndustryInvoice}), which makes
 * the PDF a Factur-X invoice. {@code bench/invoice-pdf.sh} measures PDFs per second.
 */
package org.kontor.host.billing.pdf;
