package org.kontor.plugins.riskbasic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.api.risk.RiskAssessment;
import org.kontor.api.risk.RiskReason;
import org.kontor.testkit.TestClock;
import org.kontor.testkit.TestPluginContext;

/** Disposable e-mail domains: the bundled list, subdomains of listed domains, and the operator's own domains. */
class DisposableEmailCheckTest {

    private static final DisposableDomains BUNDLED = DisposableDomains.bundled();

    private static DisposableEmailCheck check(Map<String, String> settings) {
        return new DisposableEmailCheck(TestPluginContext.of("risk-basic", TestClock.fixed()).withSettings(settings),
                BUNDLED);
    }

    private static RiskAssessment assess(DisposableEmailCheck check, String email) {
        return check.assess(Subjects.order("O-1", "C-1", email, "203.0.113.9", Instant.now()));
    }

    @Test
    void theBundledListIsTheWholeList() {
        assertThat(BUNDLED.size()).isGreaterThan(100_000);
    }

    @Test
    void anAddressAtAListedDomainGivesPoints() {
        RiskAssessment assessment = assess(check(Map.of()), "Someone@Mailinator.com");

        assertThat(assessment.reasons()).containsExactly(new RiskReason("email.disposable", 60,
                "Someone@Mailinator.com is at a disposable e-mail domain (mailinator.com)"));
    }

    @Test
    void anAddressUnderAListedDomainGivesPointsToo() {
        assertThat(assess(check(Map.of(RiskBasicSettings.DISPOSABLE_POINTS, "35")), "x@inbox.eu.yopmail.com").score())
                .isEqualTo(35);
    }

    @Test
    void theOperatorsOwnDomainsCountWithTheirSubdomains() {
        DisposableEmailCheck check = check(Map.of(RiskBasicSettings.DISPOSABLE_DOMAINS, "throwaway.example, @burner.test"));

        assertThat(assess(check, "eva@throwaway.example").score()).isEqualTo(60);
        assertThat(assess(check, "eva@mx.burner.test").score()).isEqualTo(60);
        assertThat(assess(check, "eva@example.com")).isEqualTo(RiskAssessment.none());
    }

    @Test
    void ordinaryAddressesGiveNone() {
        DisposableEmailCheck check = check(Map.of());
        for (String email : new String[] {"eva@example.com", "demo@kontor.test", "someone@gmail.com",
                "x@mailinator.example.com", null}) {
            assertThat(assess(check, email)).as(String.valueOf(email)).isEqualTo(RiskAssessment.none());
        }
    }

    @Test
    void theOperatorMayTurnItOff() {
        assertThat(assess(check(Map.of(RiskBasicSettings.DISPOSABLE_ENABLED, "false")), "a@mailinator.com"))
                .isEqualTo(RiskAssessment.none());
    }
}
