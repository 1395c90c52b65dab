package org.kontor.host.billing.prepaid;

import org.kontor.host.billing.Invoice;

/** Makes an issued document's PDF (in the host: {@code InvoicePdf::render}). */
@FunctionalInterface
public interface DocumentRenderer {

    byte[] render(Invoice invoice);
}
