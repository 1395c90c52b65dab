/**
 * The storefront's ordering pages (ORD-5, ORD-6, ORD-9, ORD-10, ORD-12, ORD-13, ORD-14): the cart at {@code /cart},
 * the guided checkout at {@code /checkout} and the customer's orders at {@code /orders}, rendered by the theme on top
 * of the ordering core ({@link org.kontor.host.orders}). Refused input is shown at its form in the visitor's language
 * and changes nothing.
 */
package org.kontor.host.storefront.cart;
