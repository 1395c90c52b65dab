/**
 * The catalog (ORD-2, ORD-7, ORD-14, ORD-15): the TLDs the operator offers with their registration rules,
 * launch phases and prices (kept in {@code domain_price} through {@link org.kontor.host.domains.DomainPrices}),
 * the TLD groups of the storefront, the rules that later orders are checked against ({@link
 * org.kontor.host.catalog.CatalogRules}) and the operator's and the storefront's JSON API ({@link
 * org.kontor.host.catalog.CatalogApi}).
 */
package org.kontor.host.catalog;
