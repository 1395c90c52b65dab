/**
 * The customer center's domain management (CC-2, CC-3, CC-7, CC-8): a customer's own domains with what the registry
 * says of them, and the changes a customer makes themselves: nameservers, transfer lock, auth code and transfer
 * release, automatic renewal, cancellation within the notice period, change of holder. {@link DomainManagement} is
 * the service, {@link DomainsApi} its JSON API under {@code /api/v1/domains}, {@link DomainPages} the pages under
 * {@code /account/domains}.
 */
package org.kontor.host.domains.management;
