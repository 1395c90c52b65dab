package org.kontor.host.audit;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.api.web.Access;
import org.kontor.host.web.ProblemException;

/**
 * {@code GET /api/v1/admin/audit} (ADMIN): the staff audit record, newest first, filtered by {@code actor},
 * {@code from} and {@code to} (ISO-8601 instants, from inclusive, to exclusive), {@code path} (a path prefix) and
 * limited to {@code limit} entries (default 100, at most 1000).
 */
public final class AuditApi {

    private static final int DEFAULT_LIMIT = 100;

    private final StaffAudit audit;

    public AuditApi(StaffAudit audit) {
        this.audit = audit;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/admin/audit", this::list, Access.ADMIN);
    }

    private void list(Context ctx) {
        AuditQuery query = new AuditQuery(blankToNull(ctx.queryParam("actor")), blankToNull(ctx.queryParam("path")),
                instant(ctx, "from"), instant(ctx, "to"), limit(ctx));
        ctx.json(Map.of("entries", audit.list(query).stream().map(AuditApi::view).toList()));
    }

    private static Map<String, Object> view(AuditEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.id());
        view.put("at", entry.at().toString());
        view.put("actor", entry.actor());
        view.put("role", entry.role());
        view.put("method", entry.method());
        view.put("path", entry.path());
        view.put("status", entry.status());
        view.put("targetIds", entry.targetIds());
        view.put("requestId", entry.requestId());
        return view;
    }

    private static Instant instant(Context ctx, String name) {
        String value = blankToNull(ctx.queryParam(name));
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("'" + name + "' must be an ISO-8601 instant such as 2030-03-01T10:00:00Z, not '"
                    + value + "'.");
        }
    }

    private static int limit(Context ctx) {
        String value = blankToNull(ctx.queryParam("limit"));
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= AuditQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw ProblemException.badRequest("'limit' must be a whole number from 1 to " + AuditQuery.MAX_LIMIT + ", not '"
                + value + "'.");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
