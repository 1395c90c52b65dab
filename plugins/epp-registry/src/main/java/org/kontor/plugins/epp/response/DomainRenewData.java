package org.kontor.plugins.epp.response;

import java.time.Instant;

/**
 * A renewed domain.
 *
 * @param expiryDate the new expiry date, or null where the registry gives none
 */
public record DomainRenewData(String name, Instant expiryDate) implements ResponseData {
}
