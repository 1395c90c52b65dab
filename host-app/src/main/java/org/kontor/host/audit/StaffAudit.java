package org.kontor.host.audit;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** The staff audit record ({@code staff_audit}): written once per request, never changed, listed by {@link AuditApi}. */
public final class StaffAudit {

    private final Jdbi jdbi;
    private final Clock clock;
    private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

    public StaffAudit(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Records a completed request now; returns the entry. */
    public AuditEntry record(String actor, String role, String method, String path, int status,
                             Map<String, String> targetIds, String requestId) {
        AuditEntry entry = new AuditEntry(ids.generate().toString(), clock.instant(), actor, role, method,
                truncate(path, 2000), status, new TreeMap<>(targetIds), requestId);
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO staff_audit (id, at, actor, role, method, path, status, target_ids, request_id)
                        VALUES (:id, :at, :actor, :role, :method, :path, :status, :targets, :requestId)""")
                .bind("id", entry.id())
                .bind("at", entry.at().toEpochMilli())
                .bind("actor", actor)
                .bind("role", role)
                .bind("method", method)
                .bind("path", entry.path())
                .bind("status", status)
                .bind("targets", entry.targetIds().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue().replace('\n', ' '))
                        .collect(Collectors.joining("\n")))
                .bind("requestId", requestId)
                .execute());
        return entry;
    }

    public List<AuditEntry> list(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT id, at, actor, role, method, path, status, target_ids, request_id "
                + "FROM staff_audit WHERE 1 = 1");
        Map<String, Object> binds = new LinkedHashMap<>();
        if (query.actor() != null) {
            sql.append(" AND actor = :actor");
            binds.put("actor", query.actor());
        }
        if (query.pathPrefix() != null) {
            // not LIKE: % and _ in the prefix mean nothing here
            sql.append(" AND substr(path, 1, :prefixLength) = :prefix");
            binds.put("prefix", query.pathPrefix());
            binds.put("prefixLength", query.pathPrefix().length());
        }
        if (query.from() != null) {
            sql.append(" AND at >= :from");
            binds.put("from", query.from().toEpochMilli());
        }
        if (query.to() != null) {
            sql.append(" AND at < :to");
            binds.put("to", query.to().toEpochMilli());
        }
        sql.append(" ORDER BY at DESC, id DESC");
        return jdbi.withHandle(h -> {
            Query statement = h.createQuery(sql.toString());
            binds.forEach(statement::bind);
            return statement.setMaxRows(query.limit())
                    .map((rs, ctx) -> new AuditEntry(rs.getString("id"), Instant.ofEpochMilli(rs.getLong("at")),
                            rs.getString("actor"), rs.getString("role"), rs.getString("method"), rs.getString("path"),
                            rs.getInt("status"), targets(rs.getString("target_ids")), rs.getString("request_id")))
                    .list();
        });
    }

    private static Map<String, String> targets(String lines) {
        Map<String, String> targets = new TreeMap<>();
        if (lines != null && !lines.isEmpty()) {
            for (String line : lines.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    targets.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return targets;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
