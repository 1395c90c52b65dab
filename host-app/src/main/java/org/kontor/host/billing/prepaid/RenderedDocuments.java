package org.kontor.host.billing.prepaid;

import org.kontor.host.billing.Invoice;

/** Takes an issued document's PDF as soon as it is rendered (delivery, an archive); it must not keep it in memory. */
public interface RenderedDocuments {

    /** Takes nothing: the PDF is rendered to be sure the document renders (the benchmark), and made again when asked for. */
    RenderedDocuments NONE = (invoice, pdf) -> { };

    void rendered(Invoice invoice, byte[] pdf) throws Exception;
}
