package org.kontor.plugins.epp.response;

import java.time.Instant;

/**
 * A created domain.
 *
 * @param expiryDate the expiry date, or null where the registry gives none
 */
public record DomainCreateData(String name, Instant createdAt, Instant expiryDate) implements ResponseData {
}
