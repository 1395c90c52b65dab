package org.kontor.host.payments.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A stored webhook request; {@code body} holds the exact bytes that arrived. */
public record InboxEntry(String id, String gateway, Instant receivedAt, byte[] body, Map<String, List<String>> headers,
                         String remoteAddress, InboxState state, String error, int attempts, Instant processedAt,
                         InboxOrigin origin) {
}
