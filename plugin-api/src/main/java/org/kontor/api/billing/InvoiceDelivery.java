package org.kontor.api.billing;

import org.pf4j.ExtensionPoint;

/**
 * Sends an issued billing document as a letter: a print-and-mail service, or a sandbox. The host calls the provider that
 * {@code billing.letter-post.provider} names for customers who asked for documents by post, never inside a database
 * transaction, and retries with the same {@link PostalLetter#idempotencyKey()} when a call fails or its outcome is
 * unknown. An implementation therefore posts each key at most once and answers a repeated key with the receipt of the
 * first call.
 *
 * <p>A failure that may pass (service down, timeout) is thrown; the host tries again later. A letter the service will
 * never post (an address it cannot deliver to) is answered with {@link DeliveryStatus#REJECTED}; the host does not retry
 * it.
 *
 * @since 1.4.0
 */
public interface InvoiceDelivery extends ExtensionPoint {

    /** A stable id, e.g. {@code letter-post-sandbox}; the host's configuration names the provider by it. */
    String providerId();

    /**
     * Hands one letter over for printing and posting.
     *
     * @throws RuntimeException when the service could not be reached or did not answer; the host retries the same key
     */
    DeliveryReceipt send(PostalLetter letter);
}
