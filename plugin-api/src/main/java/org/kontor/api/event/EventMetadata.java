package org.kontor.api.event;

import java.time.Instant;

/**
 * Where an event stands in the outbox.
 *
 * @param eventId    unique and stable across redeliveries
 * @param occurredAt when it was published
 * @param attempt    1 for the first delivery to this listener, 2 for the first retry, …
 */
public record EventMetadata(String eventId, Instant occurredAt, int attempt) {
}
