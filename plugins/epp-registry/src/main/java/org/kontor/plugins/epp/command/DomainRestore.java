package org.kontor.plugins.epp.command;

import java.time.Instant;
import java.util.Objects;

/**
 * Restores a deleted domain in its redemption period (RFC 3915): a restore request, or — where the registry
 * skips the request step, as the .dk registry does — the restore report at once.
 *
 * @param report the report to send, or null for a restore request
 */
public record DomainRestore(String name, Report report) implements EppCommand {

    /**
     * The restore report (RFC 3915 §4.2.5). The registry may accept empty data and statement texts.
     *
     * @param deletedAt       when the domain was deleted
     * @param restoredAt      when it is restored
     * @param statement       the first statement (the .dk registry takes one, which may be empty)
     * @param secondStatement the second statement RFC 3915 asks for, or null to send one
     */
    public record Report(String preData, String postData, Instant deletedAt, Instant restoredAt, String reason,
            String statement, String other, String secondStatement) {

        /** A report with one statement. */
        public Report(String preData, String postData, Instant deletedAt, Instant restoredAt, String reason,
                String statement, String other) {
            this(preData, postData, deletedAt, restoredAt, reason, statement, other, null);
        }

        public Report {
            preData = preData == null ? "" : preData;
            postData = postData == null ? "" : postData;
            Objects.requireNonNull(deletedAt, "deletedAt");
            Objects.requireNonNull(restoredAt, "restoredAt");
            reason = reason == null ? "" : reason;
            statement = statement == null ? "" : statement;
        }
    }

    public DomainRestore {
        Objects.requireNonNull(name, "name");
    }

    /** A restore request. */
    public DomainRestore(String name) {
        this(name, null);
    }
}
