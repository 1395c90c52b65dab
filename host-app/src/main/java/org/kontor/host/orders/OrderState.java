package org.kontor.host.orders;

/**
 * Where an order stands: PLACED → FUNDED (every line's amount held, or paid) → PROVISIONING → COMPLETED or
 * FAILED; HELD_FOR_REVIEW waits in the clearing center with its money held; AWAITING_PAYMENT waits for a payment
 * through a gateway; CANCELLED ended before anything was delivered and nothing stays held.
 */
public enum OrderState {
    PLACED, AWAITING_PAYMENT, FUNDED, HELD_FOR_REVIEW, PROVISIONING, COMPLETED, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
