/**
 * The customer's domain search (ORD-1, ORD-3, ORD-15): one wished name checked across the catalog's orderable TLDs
 * at once, with prices, groups and phases, and suggestions of available alternatives; {@link
 * org.kontor.host.search.SearchApi} serves it as JSON and as a stream of lines.
 */
package org.kontor.host.search;
