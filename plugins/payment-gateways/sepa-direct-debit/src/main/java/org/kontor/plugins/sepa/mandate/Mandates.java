package org.kontor.plugins.sepa.mandate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.kontor.api.web.RequestLanguage;
import org.kontor.plugins.sepa.SepaException;
import org.kontor.plugins.sepa.check.BankDetails;
import org.kontor.plugins.sepa.check.SepaText;

/** The mandates: created by the debtor (customer or reseller), listed and revoked by the operator. */
public final class Mandates {

    private static final String COLUMNS = "id, reference, customer_id, debtor_name, iban, bic, signed_on, scheme, "
            + "recurring, state, email, language, created_at, revoked_at, revoked_by";

    private final Jdbi jdbi;
    private final Clock clock;

    public Mandates(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Checks every field (all problems at once) and records the mandate as ACTIVE. */
    public Mandate create(String customerId, NewMandate input) {
        String reference = input.reference() == null ? null : input.reference().strip();
        String iban = BankDetails.normalizeIban(input.iban());
        String bic = BankDetails.normalizeBic(input.bic());
        String name = input.debtorName() == null ? "" : input.debtorName().strip();
        Map<String, String> errors = new LinkedHashMap<>();
        SepaText.identifierProblem(reference).ifPresent(p -> errors.put("reference", "reference " + p));
        if (name.isEmpty() || name.length() > 70) {
            errors.put("debtorName", "debtorName is required, at most 70 characters");
        }
        BankDetails.ibanProblem(iban).ifPresent(p -> errors.put("iban", "iban " + p));
        if (bic != null) {
            BankDetails.bicProblem(bic).ifPresent(p -> errors.put("bic", "bic " + p));
        }
        LocalDate today = LocalDate.now(clock);
        if (input.signedOn() == null || input.signedOn().isAfter(today)) {
            errors.put("signedOn", "signedOn is required and cannot be in the future");
        }
        if (input.scheme() == null) {
            errors.put("scheme", "scheme must be CORE or B2B");
        }
        String language = input.language() == null ? null : input.language().toLowerCase(Locale.ROOT);
        if (language != null && !RequestLanguage.SUPPORTED.contains(language)) {
            language = null;
        }
        if (!errors.isEmpty()) {
            throw SepaException.invalid(errors);
        }
        Mandate mandate = new Mandate(UUID.randomUUID().toString(), reference, customerId, name, iban, bic,
                input.signedOn(), input.scheme(), input.recurring(), MandateState.ACTIVE,
                input.email() == null || input.email().isBlank() ? null : input.email().strip(), language,
                clock.instant(), null, null);
        jdbi.useTransaction(h -> {
            boolean taken = h.createQuery("SELECT COUNT(*) FROM payment_sepa_mandate WHERE reference = :reference")
                    .bind("reference", reference).mapTo(Long.class).one() > 0;
            if (taken) {
                throw new SepaException(SepaException.Reason.CONFLICT, "the mandate reference is already in use",
                        Map.of("reference", "reference is already in use"));
            }
            h.createUpdate("INSERT INTO payment_sepa_mandate (" + COLUMNS + ", lock_version) VALUES (:id, :reference, "
                            + ":customer, :name, :iban, :bic, :signedOn, :scheme, :recurring, 'ACTIVE', :email, "
                            + ":language, :createdAt, NULL, NULL, 0)")
                    .bind("id", mandate.id()).bind("reference", reference).bind("customer", customerId)
                    .bind("name", name).bind("iban", iban).bind("bic", bic)
                    .bind("signedOn", mandate.signedOn().toString()).bind("scheme", mandate.scheme().name())
                    .bind("recurring", mandate.recurring() ? 1 : 0).bind("email", mandate.email())
                    .bind("language", mandate.language()).bind("createdAt", mandate.createdAt().toEpochMilli())
                    .execute();
        });
        return mandate;
    }

    public Optional<Mandate> find(String id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    public Optional<Mandate> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM payment_sepa_mandate WHERE id = :id")
                .bind("id", id).map(Mandates::map).findOne();
    }

    /** The customer's own mandates, newest first. */
    public List<Mandate> ofCustomer(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM payment_sepa_mandate "
                        + "WHERE customer_id = :customer ORDER BY created_at DESC, id")
                .bind("customer", customerId).map(Mandates::map).list());
    }

    /** The customer's newest active mandate, the one a payment is collected under. */
    public Optional<Mandate> activeOf(Handle h, String customerId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM payment_sepa_mandate WHERE customer_id = :customer "
                        + "AND state = 'ACTIVE' ORDER BY created_at DESC, id")
                .bind("customer", customerId).map(Mandates::map).findFirst();
    }

    /** All mandates, optionally of one state, newest first. */
    public List<Mandate> list(MandateState state, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM payment_sepa_mandate "
                        + (state == null ? "" : "WHERE state = :state ") + "ORDER BY created_at DESC, id LIMIT :limit")
                .bind("state", state == null ? null : state.name()).bind("limit", limit).map(Mandates::map).list());
    }

    /** Revokes an active mandate; no further collections are recorded under it. Revoking twice is refused. */
    public Mandate revoke(String id, String actor, String reason) {
        return jdbi.inTransaction(h -> {
            Instant now = clock.instant();
            int changed = h.createUpdate("UPDATE payment_sepa_mandate SET state = 'REVOKED', revoked_at = :now, "
                            + "revoked_by = :actor, revoke_reason = :reason, lock_version = lock_version + 1 "
                            + "WHERE id = :id AND state = 'ACTIVE'")
                    .bind("now", now.toEpochMilli()).bind("actor", actor).bind("reason", reason).bind("id", id)
                    .execute();
            Mandate mandate = find(h, id).orElseThrow(() -> SepaException.notFound("no mandate " + id));
            if (changed == 0) {
                throw SepaException.conflict("the mandate is already revoked");
            }
            return mandate;
        });
    }

    /** Takes the mandate's row lock (PostgreSQL) so that sequence types are decided one collection at a time. */
    public boolean lockActive(Handle h, String id) {
        return h.createUpdate("UPDATE payment_sepa_mandate SET lock_version = lock_version + 1 "
                + "WHERE id = :id AND state = 'ACTIVE'").bind("id", id).execute() == 1;
    }

    /** Ends a mandate whose final (FNAL) or only (OOFF) collection was recorded. */
    public void close(Handle h, String id, Instant at) {
        h.createUpdate("UPDATE payment_sepa_mandate SET state = 'REVOKED', revoked_at = :at, revoked_by = 'system', "
                        + "revoke_reason = 'last collection' WHERE id = :id")
                .bind("at", at.toEpochMilli()).bind("id", id).execute();
    }

    private static Mandate map(ResultSet rs, StatementContext ctx) throws SQLException {
        long revoked = rs.getLong("revoked_at");
        boolean revokedNull = rs.wasNull();
        return new Mandate(rs.getString("id"), rs.getString("reference"), rs.getString("customer_id"),
                rs.getString("debtor_name"), rs.getString("iban"), rs.getString("bic"),
                LocalDate.parse(rs.getString("signed_on")), Scheme.valueOf(rs.getString("scheme")),
                rs.getInt("recurring") == 1, MandateState.valueOf(rs.getString("state")), rs.getString("email"),
                rs.getString("language"), Instant.ofEpochMilli(rs.getLong("created_at")),
                revokedNull ? null : Instant.ofEpochMilli(revoked), rs.getString("revoked_by"));
    }
}
