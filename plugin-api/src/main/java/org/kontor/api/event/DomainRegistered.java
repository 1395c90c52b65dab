package org.kontor.api.event;

import java.time.Instant;
import org.kontor.api.domain.DomainName;

/** A domain was created at its registry for a customer. */
public record DomainRegistered(DomainName domain, String customerId, Instant expiresAt) implements Event {
}
