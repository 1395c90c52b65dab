package org.kontor.api.event;

import org.kontor.api.money.Money;

/** A customer placed an order. */
public record OrderPlaced(String orderId, String customerId, Money total) implements Event {
}
