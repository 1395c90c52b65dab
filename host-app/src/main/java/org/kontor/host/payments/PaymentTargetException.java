package org.kontor.host.payments;

/** A processed payment's target no longer takes it (an invoice paid or cancelled meanwhile, an order cancelled). */
public final class PaymentTargetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PaymentTargetException(String message) {
        super(message);
    }
}
