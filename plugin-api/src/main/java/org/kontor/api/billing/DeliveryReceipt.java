package org.kontor.api.billing;

import java.util.Objects;

/**
 * A provider's answer to {@link InvoiceDelivery#send}.
 *
 * @param reference the provider's reference of the letter, to look it up there; the same for a repeated key
 * @param status    what became of it
 * @param message   why it was rejected, or a note of the provider; may be null
 * @since 1.4.0
 */
public record DeliveryReceipt(String reference, DeliveryStatus status, String message) {

    public DeliveryReceipt {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("reference: is required");
        }
        Objects.requireNonNull(status, "status");
    }

    public static DeliveryReceipt accepted(String reference) {
        return new DeliveryReceipt(reference, DeliveryStatus.ACCEPTED, null);
    }

    public static DeliveryReceipt rejected(String reference, String message) {
        return new DeliveryReceipt(reference, DeliveryStatus.REJECTED, message);
    }
}
