package org.kontor.plugins.epp.command;

/**
 * The clTRID the client gives every command (3–64 characters, as the EPP schema requires). It is the
 * idempotency key of a registry call: it must be unique per command, and a registry echoes it in the
 * response and in later poll messages.
 */
public record ClientTransactionId(String value) {

    public ClientTransactionId {
        if (value == null || value.length() < 3 || value.length() > 64 || !value.strip().equals(value)) {
            throw new IllegalArgumentException("a clTRID has 3 to 64 characters without surrounding spaces: " + value);
        }
    }

    public static ClientTransactionId of(String value) {
        return new ClientTransactionId(value);
    }
}
