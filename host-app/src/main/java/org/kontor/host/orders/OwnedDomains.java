package org.kontor.host.orders;

import org.kontor.api.domain.DomainName;

/** Whether a customer holds a domain with the operator now, so that an add-on may be booked for it (CC-4). */
@FunctionalInterface
public interface OwnedDomains {

    /** Nobody holds anything: add-ons go only with domains in the same cart. */
    OwnedDomains NONE = (customerId, name) -> false;

    boolean holds(String customerId, DomainName name);
}
