/**
 * Ordering (ORD-5 … ORD-14): the cart, the guided checkout, orders and their life — placed → funded →
 * provisioning → completed or failed, or held in the clearing center — the pre-registration queue and sunrise
 * orders. Money moves only through a funding source's idempotent holds; no registry is called inside a
 * database transaction.
 */
package org.kontor.host.orders;
