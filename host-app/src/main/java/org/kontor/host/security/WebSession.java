package org.kontor.host.security;

import java.time.Instant;
import java.util.Optional;

/**
 * A browser session: an anonymous visitor's, or a signed-in customer's.
 *
 * @param visitorId  stable for the visitor until sign-out, also across sign-in (a cart keyed by it survives sign-in)
 * @param customerId the signed-in customer, or null for an anonymous visitor
 * @param expiresAt  the absolute end; the session ends earlier when it is idle for longer than the policy allows
 */
public record WebSession(String visitorId, String customerId, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {

    public boolean signedIn() {
        return customerId != null;
    }

    public Optional<String> customer() {
        return Optional.ofNullable(customerId);
    }
}
