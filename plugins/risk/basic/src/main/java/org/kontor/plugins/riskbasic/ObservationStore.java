package org.kontor.plugins.riskbasic;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.risk.RiskSubject;

/** The velocity check's table: what it was asked about, by key digest. */
final class ObservationStore {

    private final Jdbi jdbi;
    private final String table;
    private final String secretTable;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] secret;

    ObservationStore(Jdbi jdbi, String tablePrefix) {
        this.jdbi = jdbi;
        this.table = tablePrefix + "observation";
        this.secretTable = tablePrefix + "digest_secret";
    }

    /** This installation's secret for key digests: made once, at first use, and shared by every host. */
    private byte[] secret() {
        byte[] known = secret;
        if (known == null) {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            known = jdbi.inTransaction(h -> {
                h.createUpdate("INSERT INTO " + secretTable + " (id, secret) VALUES (1, :secret) ON CONFLICT (id) DO NOTHING")
                        .bind("secret", Base64.getEncoder().encodeToString(fresh)).execute();
                return Base64.getDecoder().decode(h.createQuery("SELECT secret FROM " + secretTable + " WHERE id = 1")
                        .mapTo(String.class).one());
            });
            secret = known;
        }
        return known;
    }

    /** Records the subject under each of its keys, in one transaction. */
    void record(RiskSubject.Kind kind, String reference, Collection<VelocityKey> keys, Instant at) {
        jdbi.useTransaction(h -> {
            for (VelocityKey key : keys) {
                h.createUpdate("INSERT INTO " + table + " (id, kind, reference, key_type, key_digest, observed_at) "
                                + "VALUES (:id, :kind, :reference, :type, :digest, :at)")
                        .bind("id", UUID.randomUUID().toString()).bind("kind", kind.name())
                        .bind("reference", reference).bind("type", key.type().column())
                        .bind("digest", key.digest(secret()))
                        .bind("at", at.toEpochMilli()).execute();
            }
        });
    }

    /**
     * How many different orders, top-ups or payments (by reference) were seen under the key since {@code from}
     * (inclusive) until {@code to} (inclusive), by kind, counting only {@code kinds}.
     */
    Map<RiskSubject.Kind, Integer> count(VelocityKey key, Collection<RiskSubject.Kind> kinds, Instant from, Instant to) {
        String kindList = kinds.stream().map(kind -> "'" + kind.name() + "'").collect(Collectors.joining(","));
        List<Map.Entry<String, Integer>> rows = jdbi.withHandle(h -> h.createQuery("SELECT kind, "
                        + "COUNT(DISTINCT reference) AS seen FROM " + table + " WHERE key_type = :type "
                        + "AND key_digest = :digest AND observed_at >= :from AND observed_at <= :to "
                        + "AND kind IN (" + kindList + ") GROUP BY kind")
                .bind("type", key.type().column()).bind("digest", key.digest(secret())).bind("from", from.toEpochMilli())
                .bind("to", to.toEpochMilli())
                .map((rs, ctx) -> Map.entry(rs.getString("kind"), rs.getInt("seen"))).list());
        Map<RiskSubject.Kind, Integer> counts = new EnumMap<>(RiskSubject.Kind.class);
        rows.forEach(row -> counts.put(RiskSubject.Kind.valueOf(row.getKey()), row.getValue()));
        return counts;
    }

    /** Deletes observations older than {@code before}; how many. */
    int prune(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM " + table + " WHERE observed_at < :before")
                .bind("before", before.toEpochMilli()).execute());
    }
}
