package org.kontor.plugins.sepa.collection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.kontor.api.outcome.IdempotencyKey;

/**
 * The end-to-end id of a collection, derived from the host's idempotency key: the same key always gives the same
 * id, and the id fits SEPA (35 characters of the restricted set; keys may hold {@code _} and be 64 long).
 */
public final class EndToEndIds {

    private EndToEndIds() {
    }

    public static String of(IdempotencyKey key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.value().getBytes(StandardCharsets.UTF_8));
            return "SDD" + HexFormat.of().withUpperCase().formatHex(hash).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
