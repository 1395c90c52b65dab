package org.kontor.host.audit;

import java.time.Instant;

/**
 * Which entries to list, newest first; null fields do not filter.
 *
 * @param pathPrefix entries whose path starts with this
 * @param from       at or after
 * @param to         before
 * @param limit      at most this many
 */
public record AuditQuery(String actor, String pathPrefix, Instant from, Instant to, int limit) {

    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        }
    }
}
