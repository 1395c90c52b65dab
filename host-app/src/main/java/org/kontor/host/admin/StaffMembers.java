package org.kontor.host.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.web.Access;

/**
 * The operator's staff: customer accounts listed in {@code staff_member}, which sign in on the web like anyone and
 * then act with their staff role in the admin pages: {@link Access#ADMIN} (the operator) or {@link Access#SUPPORT}
 * (reads the admin pages).
 */
public final class StaffMembers {

    /** The roles a staff member may have. */
    public static final List<Access> ROLES = List.of(Access.ADMIN, Access.SUPPORT);

    private final Jdbi jdbi;
    private final Clock clock;

    /** A staff member: their account and role. */
    public record StaffMember(String customerId, Access role, Instant since) {
    }

    public StaffMembers(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Makes the account an ADMIN staff member; a second call changes nothing. */
    public void grant(String customerId) {
        jdbi.useTransaction(h -> {
            boolean present = h.createQuery("SELECT COUNT(*) FROM staff_member WHERE customer_id = :id")
                    .bind("id", customerId).mapTo(Integer.class).one() > 0;
            if (!present) {
                h.createUpdate("INSERT INTO staff_member (customer_id, created_at, role) VALUES (:id, :at, 'ADMIN')")
                        .bind("id", customerId).bind("at", clock.millis()).execute();
            }
        });
    }

    /** Makes the account a staff member with the role, or gives a staff member that role. */
    public void grant(String customerId, Access role) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("A staff member is ADMIN or SUPPORT, not " + role);
        }
        jdbi.useTransaction(h -> {
            int changed = h.createUpdate("UPDATE staff_member SET role = :role WHERE customer_id = :id")
                    .bind("id", customerId).bind("role", role.name()).execute();
            if (changed == 0) {
                h.createUpdate("INSERT INTO staff_member (customer_id, created_at, role) VALUES (:id, :at, :role)")
                        .bind("id", customerId).bind("at", clock.millis()).bind("role", role.name()).execute();
            }
        });
    }

    public boolean isStaff(String customerId) {
        return staffRole(customerId).isPresent();
    }

    public Optional<Access> staffRole(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT role FROM staff_member WHERE customer_id = :id")
                .bind("id", customerId).mapTo(String.class).findOne().map(Access::valueOf));
    }

    /** All staff members, oldest first. */
    public List<StaffMember> list() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT customer_id, role, created_at FROM staff_member ORDER BY created_at, customer_id")
                .map((rs, ctx) -> new StaffMember(rs.getString("customer_id"), Access.valueOf(rs.getString("role")),
                        Instant.ofEpochMilli(rs.getLong("created_at")))).list());
    }

    /**
     * The role a signed-in account acts with: its staff role for staff, else the account's own role.
     *
     * @param accountRole the account's own role, empty when there is no such account
     */
    public Optional<Access> roleOf(String customerId, Optional<Access> accountRole) {
        return accountRole.map(role -> staffRole(customerId).orElse(role));
    }
}
