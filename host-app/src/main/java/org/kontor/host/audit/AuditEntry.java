package org.kontor.host.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded staff request.
 *
 * @param targetIds the request path's parameters (an order id, a plugin id), by name
 * @param requestId the request's {@code X-Request-Id}
 */
public record AuditEntry(String id, Instant at, String actor, String role, String method, String path, int status,
                         Map<String, String> targetIds, String requestId) {
}
