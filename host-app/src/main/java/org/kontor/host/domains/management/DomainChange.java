package org.kontor.host.domains.management;

import java.time.Instant;

/**
 * One change a customer made to a domain, as the history shows it.
 *
 * @param detail what the customer reads: the new nameservers, the new holder's name; never an auth code
 */
public record DomainChange(String id, String domain, Kind kind, State state, String detail, Instant at) {

    public enum Kind { NAMESERVERS, LOCK, UNLOCK, AUTH_CODE, AUTO_RENEW, CANCELLATION, HOLDER, PARK, UNPARK }

    /** DONE, or PENDING where the registry decides later (a .dk holder change waits for the new holder's consent). */
    public enum State { DONE, PENDING }
}
