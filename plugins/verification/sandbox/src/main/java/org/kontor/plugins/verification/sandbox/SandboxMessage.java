package org.kontor.plugins.verification.sandbox;

import java.time.Instant;

/**
 * A text message the sandbox took.
 *
 * @param state SENT, or REFUSED for a number starting +999
 */
public record SandboxMessage(String idempotencyKey, String phoneNumber, String text, String state, Instant createdAt) {
}
