package org.kontor.host.orders;

import java.util.Objects;

/** Whose cart: a signed-in customer's, or a visitor's before they sign in (carried over at sign-in). */
public record CartOwner(String value) {

    public CartOwner {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith("customer:") && !value.startsWith("visitor:")) {
            throw new IllegalArgumentException("a cart owner is a customer or a visitor, was " + value);
        }
    }

    public static CartOwner customer(String customerId) {
        return new CartOwner("customer:" + Objects.requireNonNull(customerId, "customerId"));
    }

    public static CartOwner visitor(String visitorId) {
        return new CartOwner("visitor:" + Objects.requireNonNull(visitorId, "visitorId"));
    }

    public boolean isCustomer() {
        return value.startsWith("customer:");
    }

    /** The customer's id; only for a customer's cart. */
    public String customerId() {
        if (!isCustomer()) {
            throw new IllegalStateException("a visitor's cart has no customer");
        }
        return value.substring("customer:".length());
    }
}
