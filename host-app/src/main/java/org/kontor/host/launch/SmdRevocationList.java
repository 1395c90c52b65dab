package org.kontor.host.launch;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The trademark clearinghouse's SMD revocation list: a first line with the list's version and creation time, a
 * header line {@code smd-id,insertion-datetime}, then one revoked signed mark per line.
 */
final class SmdRevocationList {

    private final Map<String, Instant> revokedAt;

    private SmdRevocationList(Map<String, Instant> revokedAt) {
        this.revokedAt = Map.copyOf(revokedAt);
    }

    /** @throws IllegalStateException when a line cannot be read */
    static SmdRevocationList parse(String text) {
        Map<String, Instant> revoked = new HashMap<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (i == 0 || line.isEmpty() || line.startsWith("smd-id")) {
                continue;
            }
            String[] fields = line.split(",");
            if (fields.length < 2) {
                throw new IllegalStateException("SMD revocation list line " + (i + 1) + " has no insertion time");
            }
            try {
                revoked.put(fields[0].strip(), Instant.parse(fields[1].strip()));
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("SMD revocation list line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new SmdRevocationList(revoked);
    }

    /** When the signed mark was revoked, if it was by {@code now}. */
    Optional<Instant> revoked(String smdId, Instant now) {
        return Optional.ofNullable(revokedAt.get(smdId)).filter(at -> !at.isAfter(now));
    }
}
