package org.kontor.plugins.epp.response;

import java.time.Instant;

/**
 * The {@code msgQ} of a response: how many messages wait and, for a poll request, the one delivered.
 *
 * @param id the message id to acknowledge, or null
 * @param queuedAt when the message was queued, or null
 * @param message the message text, or null
 */
public record MessageQueue(int count, String id, Instant queuedAt, String message) {
}
