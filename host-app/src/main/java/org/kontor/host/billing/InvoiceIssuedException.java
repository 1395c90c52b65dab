package org.kontor.host.billing;

/** A change, renumbering or deletion of a document that is no longer a draft was refused. */
public final class InvoiceIssuedException extends RuntimeException {

    public InvoiceIssuedException(String id, InvoiceState state) {
        super("invoice " + id + " is " + state + "; an issued document is never changed, renumbered or deleted");
    }
}
