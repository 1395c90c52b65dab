package org.kontor.host.risk;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.kontor.api.risk.RiskAssessment;
import org.kontor.api.risk.RiskCheck;
import org.kontor.api.risk.RiskReason;
import org.kontor.api.risk.RiskSubject;
import org.kontor.host.customers.Customer;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every running {@link RiskCheck} about a subject, adds up their points and compares the sum with the operator's
 * threshold. Called outside any transaction: a check may call a remote service. A check that throws is logged against
 * its plugin and gives no points, but the failure is noted among the reasons. Every assessment is kept.
 */
public final class RiskAssessments implements RiskAssessor {

    private static final Logger LOG = LoggerFactory.getLogger(RiskAssessments.class);

    private final Extensions extensions;
    private final RiskStore store;
    private final Function<String, Optional<Customer>> customers;
    private final PhoneVerificationStatus phones;
    private final IntSupplier threshold;
    private final Clock clock;

    /**
     * @param threshold the operator's {@code risk.threshold}, read at each assessment
     */
    public RiskAssessments(Extensions extensions, RiskStore store, Function<String, Optional<Customer>> customers,
                           PhoneVerificationStatus phones, IntSupplier threshold, Clock clock) {
        this.extensions = extensions;
        this.store = store;
        this.customers = customers;
        this.phones = phones;
        this.threshold = threshold;
        this.clock = clock;
    }

    public RiskStore store() {
        return store;
    }

    @Override
    public RiskRecord assess(RiskRequest request) {
        Instant now = clock.instant();
        Optional<Customer> customer = customers.apply(request.customerId());
        RiskSubject subject = new RiskSubject(request.kind(), request.reference(), request.customerId(),
                customer.map(Customer::email).orElse(null), request.clientIp(),
                customer.map(Customer::country).orElse(null), request.amount(), request.paymentMethod(),
                request.firstOrder(), phoneVerified(request.customerId()), request.cardFingerprint(), request.tlds(), now);
        List<AssessedReason> reasons = new ArrayList<>();
        int score = 0;
        for (Contribution<RiskCheck> contribution : extensions.of(RiskCheck.class)) {
            String checkId = checkId(contribution);
            try {
                RiskAssessment assessment = contribution.extension().assess(subject);
                if (assessment == null) {
                    continue;
                }
                for (RiskReason reason : assessment.reasons()) {
                    reasons.add(new AssessedReason(checkId, reason.code(), reason.points(), reason.message()));
                }
                score += assessment.score();
            } catch (RuntimeException e) {
                LOG.warn("Risk check {} of plugin {} failed on {} {}; it gives no points", checkId,
                        contribution.pluginId(), request.kind(), request.reference(), e);
                reasons.add(new AssessedReason(checkId, AssessedReason.CHECK_FAILED, 0,
                        "the check failed (" + e.getClass().getSimpleName() + ") and gave no points"));
            }
        }
        int limit = threshold.getAsInt();
        boolean holds = RiskRecord.holds(score, limit);
        if (holds && store.released(request.kind(), request.reference())) {
            holds = false; // staff reviewed it already and let it go ahead
            reasons.add(new AssessedReason("staff", "released", 0, "released by staff after an earlier review"));
        }
        RiskRecord record = new RiskRecord(UUID.randomUUID().toString(), request.kind(), request.reference(),
                request.customerId(), score, limit, holds, reasons, now);
        store.insert(record);
        return record;
    }

    private boolean phoneVerified(String customerId) {
        try {
            return phones.verified(customerId);
        } catch (RuntimeException e) {
            LOG.warn("Whether the phone number of {} is verified could not be read; taken as not verified", customerId, e);
            return false;
        }
    }

    private static String checkId(Contribution<RiskCheck> contribution) {
        try {
            String id = contribution.extension().checkId();
            return id == null || id.isBlank() ? contribution.pluginId() : id;
        } catch (RuntimeException e) {
            return contribution.pluginId();
        }
    }
}
