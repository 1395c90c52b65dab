package org.kontor.host.orders;

/** Decides the VAT of a customer's order; may ask a remote VAT id service, so never inside a transaction. */
@FunctionalInterface
public interface OrderTaxes {

    OrderTax taxFor(String customerId);

    /** No VAT on any order (an installation without billing). */
    static OrderTaxes none() {
        return customerId -> OrderTax.none();
    }
}
