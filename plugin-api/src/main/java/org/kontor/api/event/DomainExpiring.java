package org.kontor.api.event;

import java.time.Instant;
import org.kontor.api.domain.DomainName;

/** A domain comes within its renewal window. */
public record DomainExpiring(DomainName domain, String customerId, Instant expiresAt) implements Event {
}
