package org.kontor.host.orders;

/** What follows an order's completion (its invoice); called after the state change commits, on the worker's thread. */
@FunctionalInterface
public interface OrderCompletion {

    void completed(String orderId);

    static OrderCompletion nothing() {
        return orderId -> { };
    }
}
