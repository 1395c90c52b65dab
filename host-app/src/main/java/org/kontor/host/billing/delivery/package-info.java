/**
 * Sending issued billing documents: by e-mail with the PDF attached (BIL-2) and by letter post through the
 * {@link org.kontor.api.billing.InvoiceDelivery} provider the configuration names (BIL-5), with a log per document,
 * channel and round.
 */
package org.kontor.host.billing.delivery;
