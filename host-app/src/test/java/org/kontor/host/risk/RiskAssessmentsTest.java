package org.kontor.host.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.kontor.api.money.Money;
import org.kontor.api.risk.RiskAssessment;
import org.kontor.api.risk.RiskCheck;
import org.kontor.api.risk.RiskReason;
import org.kontor.api.risk.RiskSubject;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.customers.Customer;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * Every running check is asked with what the host knows of the customer; points add up against the threshold read at
 * each assessment; a throwing check gives none but is noted; every assessment is kept and read back with its reasons.
 */
@DatabaseTest(migrateHost = true)
class RiskAssessmentsTest {

    private static final Instant NOW = Instant.parse("2030-05-01T12:00:00Z");
    private static final Customer EVA = new Customer("C-eva", "eva@example.com", "Eva Jensen", null, "DK", "da", "DKK",
            Access.CUSTOMER, NOW);

    private final List<Contribution<RiskCheck>> checks = new ArrayList<>();
    private final AtomicInteger threshold = new AtomicInteger(100);
    private final AtomicReference<RiskSubject> seen = new AtomicReference<>();
    private final TestClock clock = TestClock.at(NOW);

    private RiskAssessments assessments(Database database) {
        Extensions extensions = new Extensions() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> List<Contribution<T>> of(Class<T> extensionPoint) {
                return extensionPoint == RiskCheck.class ? (List<Contribution<T>>) (List<?>) List.copyOf(checks)
                        : List.of();
            }
        };
        return new RiskAssessments(extensions, new RiskStore(database.jdbi()),
                id -> id.equals(EVA.id()) ? Optional.of(EVA) : Optional.empty(), id -> id.equals(EVA.id()),
                threshold::get, clock);
    }

    private void check(String plugin, String id, RiskReason... reasons) {
        checks.add(new Contribution<>(plugin, new RiskCheck() {
            @Override
            public String checkId() {
                return id;
            }

            @Override
            public RiskAssessment assess(RiskSubject subject) {
                seen.set(subject);
                return RiskAssessment.of(reasons);
            }
        }));
    }

    private static RiskRequest order(String reference) {
        return new RiskRequest(RiskSubject.Kind.ORDER, reference, EVA.id(), "203.0.113.9", Money.of("250.00", "DKK"),
                "prepaid-account", true, null, List.of("dk", "eu"));
    }

    @DbTest
    void pointsOfEveryCheckAddUpAndReachingTheThresholdHolds(Database database) {
        check("risk-a", "risk-a.velocity", new RiskReason("velocity.ip", 60, "6 orders from 203.0.113.9 in 1 h"));
        check("risk-b", "risk-b.geoip", new RiskReason("geoip.country-mismatch", 40, "203.0.113.9 is in DE"),
                new RiskReason("geoip.noted", 0, "only noted"));

        RiskRecord record = assessments(database).assess(order("O-held"));

        assertThat(record.score()).isEqualTo(100);
        assertThat(record.threshold()).isEqualTo(100);
        assertThat(record.held()).isTrue();
        assertThat(record.reasons()).containsExactly(
                new AssessedReason("risk-a.velocity", "velocity.ip", 60, "6 orders from 203.0.113.9 in 1 h"),
                new AssessedReason("risk-b.geoip", "geoip.country-mismatch", 40, "203.0.113.9 is in DE"),
                new AssessedReason("risk-b.geoip", "geoip.noted", 0, "only noted"));
        assertThat(record.summary()).isEqualTo("risk score 100 ≥ 100: velocity.ip (6 orders from 203.0.113.9 in 1 h), "
                + "geoip.country-mismatch (203.0.113.9 is in DE)");
    }

    @DbTest
    void theSubjectCarriesWhatTheHostKnowsOfTheCustomer(Database database) {
        check("risk-a", "risk-a.any");

        assessments(database).assess(order("O-subject"));

        RiskSubject subject = seen.get();
        assertThat(subject.kind()).isEqualTo(RiskSubject.Kind.ORDER);
        assertThat(subject.reference()).isEqualTo("O-subject");
        assertThat(subject.email()).isEqualTo("eva@example.com");
        assertThat(subject.billingCountry()).isEqualTo("DK");
        assertThat(subject.ipAddress()).isEqualTo("203.0.113.9");
        assertThat(subject.phoneVerified()).isTrue();
        assertThat(subject.firstOrder()).isTrue();
        assertThat(subject.tlds()).containsExactly("dk", "eu");
        assertThat(subject.amount()).isEqualTo(Money.of("250.00", "DKK"));
        assertThat(subject.at()).isEqualTo(NOW);
    }

    @DbTest
    void belowTheThresholdOrWithoutChecksNothingIsHeld(Database database) {
        RiskAssessments assessments = assessments(database);
        RiskRecord none = assessments.assess(order("O-none"));
        assertThat(none.score()).isZero();
        assertThat(none.held()).isFalse();
        assertThat(none.summary()).isEqualTo("risk score 0 < 100");

        check("risk-a", "risk-a.velocity", new RiskReason("velocity.ip", 99, "many"));
        assertThat(assessments.assess(order("O-99")).held()).isFalse();
        threshold.set(99);
        assertThat(assessments.assess(order("O-99-again")).held()).as("the threshold is read each time").isTrue();
        threshold.set(0);
        assertThat(assessments.assess(order("O-off")).held()).as("a threshold of 0 holds nothing").isFalse();
    }

    @DbTest
    void aThrowingCheckGivesNoPointsButIsNoted(Database database) {
        checks.add(new Contribution<>("risk-broken", new RiskCheck() {
            @Override
            public String checkId() {
                return "risk-broken.remote";
            }

            @Override
            public RiskAssessment assess(RiskSubject subject) {
                throw new IllegalStateException("the bureau did not answer");
            }
        }));
        check("risk-a", "risk-a.velocity", new RiskReason("velocity.ip", 30, "3 orders"));

        RiskRecord record = assessments(database).assess(order("O-broken"));

        assertThat(record.score()).isEqualTo(30);
        assertThat(record.held()).isFalse();
        assertThat(record.reasons()).extracting(AssessedReason::check, AssessedReason::code, AssessedReason::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("risk-broken.remote", "check-failed", 0),
                        org.assertj.core.groups.Tuple.tuple("risk-a.velocity", "velocity.ip", 30));
        assertThat(record.reasons().get(0).message()).contains("IllegalStateException").doesNotContain("bureau");
    }

    @DbTest
    void everyAssessmentIsKeptAndReadBackByReferenceAndHeldKind(Database database) {
        check("risk-a", "risk-a.disposable", new RiskReason("email.disposable", 100, "mailinator.com"));
        RiskAssessments assessments = assessments(database);
        String reference = "T-" + System.nanoTime();
        RiskRecord topUp = assessments.assess(new RiskRequest(RiskSubject.Kind.TOP_UP, reference, EVA.id(), null,
                Money.of("1250.00", "DKK"), "bank-transfer", false, null, null));
        clock.advance(java.time.Duration.ofSeconds(1));
        RiskRecord payment = assessments.assess(new RiskRequest(RiskSubject.Kind.PAYMENT, reference, EVA.id(), null,
                Money.of("1250.00", "DKK"), "stripe", false, "fp-1", null));

        assertThat(assessments.store().of(reference)).containsExactly(topUp, payment);
        assertThat(assessments.store().find(topUp.id())).contains(topUp);
        assertThat(assessments.store().held(RiskSubject.Kind.TOP_UP, 10)).contains(topUp).doesNotContain(payment);
        assertThat(assessments.store().shown(reference)).contains(payment);
        assertThat(assessments.store().shown("unknown")).isEmpty();
        assertThat(Map.of("card", seen.get().cardFingerprint())).containsEntry("card", "fp-1");
    }
}
