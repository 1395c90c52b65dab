package org.kontor.host.orders;

/**
 * Where an order line stands: WAITING for its order to be funded or released; QUEUED for general availability (a
 * pre-registration); PROVISIONING at the registry; PENDING while the registry decides later (an asynchronous create,
 * a transfer the losing registrar may still refuse); COMPLETED; FAILED (its money released); CANCELLED before it
 * was sent anywhere (its money released).
 */
public enum LineState {
    WAITING, QUEUED, PROVISIONING, PENDING, COMPLETED, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
