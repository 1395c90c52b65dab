package org.kontor.host.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.risk.RiskSubject;

/** The {@code risk_assessment} table. */
public final class RiskStore implements RiskHistory {

    private static final TypeReference<List<AssessedReason>> REASONS = new TypeReference<>() {
    };

    private final Jdbi jdbi;
    private final ObjectMapper json = new ObjectMapper();

    public RiskStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(RiskRecord record) {
        String reasons;
        try {
            reasons = json.writeValueAsString(record.reasons());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reasons cannot be written as JSON", e);
        }
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO risk_assessment (id, kind, reference, customer_id, score, "
                        + "threshold, held, reasons, assessed_at) VALUES (:id, :kind, :reference, :customer, :score, "
                        + ":threshold, :held, :reasons, :at)")
                .bind("id", record.id()).bind("kind", record.kind().name()).bind("reference", record.reference())
                .bind("customer", record.customerId()).bind("score", record.score())
                .bind("threshold", record.threshold()).bind("held", record.held() ? 1 : 0).bind("reasons", reasons)
                .bind("at", record.assessedAt().toEpochMilli()).execute());
    }

    @Override
    public List<RiskRecord> of(String reference) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM risk_assessment WHERE reference = :reference "
                        + "ORDER BY assessed_at, id")
                .bind("reference", reference).map((rs, ctx) -> read(rs)).list());
    }

    public Optional<RiskRecord> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM risk_assessment WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> read(rs)).findOne());
    }

    @Override
    public List<RiskRecord> held(RiskSubject.Kind kind, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM risk_assessment WHERE kind = :kind AND held = 1 "
                        + "AND released_at IS NULL ORDER BY assessed_at DESC, id LIMIT " + Math.max(1, limit))
                .bind("kind", kind.name()).map((rs, ctx) -> read(rs)).list());
    }

    /**
     * A staff member reviewed a held assessment and lets its subject go ahead (a top-up may then be paid); the subject's
     * other held assessments are released with it.
     *
     * @return false when there is no such held assessment, or it was released already
     */
    @Override
    public boolean release(String id, String staffId, String note, Instant at) {
        // Every held assessment of the same subject: a customer who tried again before the review left more than one.
        return jdbi.withHandle(h -> h.createUpdate("UPDATE risk_assessment SET released_by = :staff, released_at = :at, "
                        + "release_note = :note WHERE held = 1 AND released_at IS NULL AND EXISTS (SELECT 1 FROM "
                        + "risk_assessment chosen WHERE chosen.id = :id AND chosen.held = 1 AND chosen.released_at IS NULL "
                        + "AND chosen.kind = risk_assessment.kind AND chosen.reference = risk_assessment.reference)")
                .bind("staff", staffId).bind("at", at.toEpochMilli()).bind("note", note).bind("id", id).execute()) > 0;
    }

    /** Whether staff released a held assessment of this order or top-up. */
    public boolean released(RiskSubject.Kind kind, String reference) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM risk_assessment WHERE kind = :kind "
                        + "AND reference = :reference AND held = 1 AND released_at IS NOT NULL")
                .bind("kind", kind.name()).bind("reference", reference).mapTo(Integer.class).one()) > 0;
    }

    private RiskRecord read(ResultSet rs) throws SQLException {
        List<AssessedReason> reasons;
        try {
            reasons = json.readValue(rs.getString("reasons"), REASONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("risk assessment " + rs.getString("id") + " has unreadable reasons", e);
        }
        return new RiskRecord(rs.getString("id"), RiskSubject.Kind.valueOf(rs.getString("kind")),
                rs.getString("reference"), rs.getString("customer_id"), rs.getInt("score"), rs.getInt("threshold"),
                rs.getInt("held") == 1, reasons, Instant.ofEpochMilli(rs.getLong("assessed_at")));
    }
}
