/**
 * DNS zones of the customers' domains (TEC-2, TEC-3): records kept by the host, each checked before it is stored,
 * published whole to a {@link org.kontor.api.dns.DnsProvider} after every change (the built-in provider writes BIND
 * zone files; plugins such as PowerDNS serve them), with the state of the last publication shown to the customer.
 */
package org.kontor.host.dns;
