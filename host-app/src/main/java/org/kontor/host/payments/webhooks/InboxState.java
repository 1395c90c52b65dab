package org.kontor.host.payments.webhooks;

/** RECEIVED (stored, not processed yet), PROCESSED, REJECTED (not genuine), FAILED (kept for the operator, retried). */
public enum InboxState {
    RECEIVED, PROCESSED, REJECTED, FAILED
}
