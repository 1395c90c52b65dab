/**
 * Invoice documents as PDF/A-3 (BIL-1): the theme's {@code billing/invoice.ftlh} rendered to XHTML and laid out by
 * openhtmltopdf with embedded DejaVu Sans (Bitstream Vera licence, which allows embedding and redistribution; see
 * {@code fonts/DejaVu-LICENSE.txt}), with the payment code of the currency ({@link org.kontor.host.billing.pdf.PaymentCodes}).
 */
package org.kontor.host.billing.pdf;
