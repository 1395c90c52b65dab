package org.kontor.host.billing;

/** Draft → issued → partially paid → paid, or cancelled. Only a draft can be changed or deleted. */
public enum InvoiceState {
    DRAFT, ISSUED, PARTIALLY_PAID, PAID, CANCELLED;

    public boolean isIssued() {
        return this != DRAFT;
    }
}
