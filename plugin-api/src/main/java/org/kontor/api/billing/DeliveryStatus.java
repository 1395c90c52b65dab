package org.kontor.api.billing;

/**
 * What became of a letter.
 *
 * @since 1.4.0
 */
public enum DeliveryStatus {
    /** The service took the letter and will print and post it. */
    ACCEPTED,
    /** The letter is printed and handed to the post. */
    POSTED,
    /** The service will never post this letter (e.g. an address it cannot deliver to); the host does not retry it. */
    REJECTED
}
