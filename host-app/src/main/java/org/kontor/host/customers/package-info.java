/**
 * Customer accounts (CC-1) and their domain holders (ORD-9): {@link org.kontor.host.customers.Customers} (sign-up,
 * sign-in by e-mail address and password, look-up), {@link org.kontor.host.customers.Contacts} (each customer's
 * holder contacts, checked against the catalog's per-TLD rules), the storefront's account pages
 * ({@link org.kontor.host.customers.CustomerPages}) and the JSON API ({@link org.kontor.host.customers.CustomersApi}).
 * Sessions and CSRF protection are in {@code org.kontor.host.security}.
 */
package org.kontor.host.customers;
