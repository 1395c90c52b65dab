package org.kontor.host.admin;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.web.Access;

/**
 * The operator's staff: customer accounts listed in {@code staff_member}, which sign in on the web like anyone and
 * then act as the operator ({@link Access#ADMIN}) in the admin pages.
 */
public final class StaffMembers {

    private final Jdbi jdbi;
    private final Clock clock;

    public StaffMembers(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Makes the account a staff member; a second call changes nothing. */
    public void grant(String customerId) {
        jdbi.useTransaction(h -> {
            boolean present = h.createQuery("SELECT COUNT(*) FROM staff_member WHERE customer_id = :id")
                    .bind("id", customerId).mapTo(Integer.class).one() > 0;
            if (!present) {
                h.createUpdate("INSERT INTO staff_member (customer_id, created_at) VALUES (:id, :at)")
                        .bind("id", customerId).bind("at", clock.millis()).execute();
            }
        });
    }

    public boolean isStaff(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM staff_member WHERE customer_id = :id")
                .bind("id", customerId).mapTo(Integer.class).one() > 0);
    }

    /**
     * The role a signed-in account acts with: ADMIN for staff, else the account's own role.
     *
     * @param accountRole the account's own role, empty when there is no such account
     */
    public Optional<Access> roleOf(String customerId, Optional<Access> accountRole) {
        return accountRole.map(role -> isStaff(customerId) ? Access.ADMIN : role);
    }
}
