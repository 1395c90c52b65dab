package org.kontor.plugins.sepa.returns;

import org.kontor.api.event.Event;
import org.kontor.api.money.Money;

/**
 * A submitted collection came back (AM04, AC04, MD06, …): the payment the host recorded under {@code gatewayReference}
 * (the end-to-end id) is to be reversed. Published once per collection, in the transaction that records the return,
 * with the same notification id the gateway's webhook answers.
 */
public record CollectionReturned(String notificationId, String gatewayId, String gatewayReference, String customerId,
                                 String reference, Money amount, String reasonCode) implements Event {
}
