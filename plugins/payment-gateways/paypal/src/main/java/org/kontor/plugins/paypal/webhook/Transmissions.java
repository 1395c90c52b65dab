package org.kontor.plugins.paypal.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Webhook transmissions seen fresh. The host keeps every webhook and may process it again later (a retry of one that
 * could not be applied yet, the operator's replay); a transmission first seen within the allowed skew stays fresh for
 * those, and only for the same signature and body.
 */
final class Transmissions {

    /** How long a transmission is remembered; a replay after that is refused as stale. */
    static final Duration KEPT = Duration.ofDays(90);

    record Seen(byte[] fingerprint, Instant at) {
    }

    private final Jdbi jdbi;
    private final Clock clock;

    Transmissions(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    Optional<Seen> find(String transmissionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT fingerprint, first_seen_at FROM payment_paypal_transmission "
                        + "WHERE transmission_id = :id").bind("id", transmissionId)
                .map((rs, ctx) -> new Seen(HexFormat.of().parseHex(rs.getString("fingerprint")),
                        Instant.ofEpochMilli(rs.getLong("first_seen_at"))))
                .findOne());
    }

    /** Remembers a transmission as first seen now (a second call keeps the first time). */
    void remember(String transmissionId, byte[] fingerprint) {
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO payment_paypal_transmission (transmission_id, fingerprint, first_seen_at) "
                            + "VALUES (:id, :fingerprint, :now) ON CONFLICT (transmission_id) DO NOTHING")
                    .bind("id", transmissionId).bind("fingerprint", HexFormat.of().formatHex(fingerprint))
                    .bind("now", now).execute();
            h.createUpdate("DELETE FROM payment_paypal_transmission WHERE first_seen_at < :before")
                    .bind("before", now - KEPT.toMillis()).execute();
        });
    }
}
