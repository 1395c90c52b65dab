package org.kontor.host.audit;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Optional;
import java.util.Set;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.web.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every state-changing request (POST, PUT, PATCH, DELETE) a staff member (ADMIN or SUPPORT) makes on an
 * operator route (one that admits {@link Access#ADMIN}, plugin admin routes included) once it has completed, refused
 * ones too. What is recorded comes from the request line and the route only: never a body, so no secret a form or a
 * setting carries ends up in the record.
 */
public final class StaffAuditRecorder {

    private static final Logger log = LoggerFactory.getLogger(StaffAuditRecorder.class);
    private static final Set<HandlerType> CHANGES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE);
    private static final Set<Access> STAFF = Set.of(Access.ADMIN, Access.SUPPORT);

    private final StaffAudit audit;

    public StaffAuditRecorder(StaffAudit audit) {
        this.audit = audit;
    }

    public void install(JavalinConfig config) {
        config.routes.afterMatched(this::recordIfStaff);
    }

    private void recordIfStaff(Context ctx) {
        if (!CHANGES.contains(ctx.method()) || !ctx.routeRoles().contains(Access.ADMIN)) {
            return;
        }
        Optional<Caller> caller = Caller.of(ctx);
        if (caller.isEmpty() || !STAFF.contains(caller.get().role())) {
            return;
        }
        try {
            audit.record(caller.get().subject(), caller.get().role().name(), ctx.method().name(), ctx.path(),
                    ctx.statusCode(), ctx.pathParamMap(), RequestIds.of(ctx));
        } catch (RuntimeException e) {
            log.error("Could not record {} {} by {} in the staff audit record", ctx.method(), ctx.path(),
                    caller.get().subject(), e);
        }
    }
}
