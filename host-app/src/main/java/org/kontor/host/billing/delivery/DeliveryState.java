package org.kontor.host.billing.delivery;

/**
 * Where a delivery stands: QUEUED until the mail sender or the letter provider has answered, then SENT or FAILED (after
 * the last attempt, or refused for good); SKIPPED when nothing is sent (the customer is excluded from invoicing, or
 * there is no address).
 */
public enum DeliveryState {
    QUEUED, SENT, FAILED, SKIPPED
}
