package org.kontor.plugins.riskbasic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.api.money.Money;
import org.kontor.api.risk.RiskAssessment;
import org.kontor.api.risk.RiskReason;
import org.kontor.testkit.TestClock;
import org.kontor.testkit.TestPluginContext;

/** First-order limits: per currency, only a customer's first order, and first orders paid by card. */
class FirstOrderCheckTest {

    private static FirstOrderCheck check(Map<String, String> settings) {
        return new FirstOrderCheck(TestPluginContext.of("risk-basic", TestClock.fixed()).withSettings(settings));
    }

    @Test
    void aFirstOrderAboveTheLimitOfItsCurrencyGivesPoints() {
        FirstOrderCheck check = check(Map.of(RiskBasicSettings.FIRST_ORDER_LIMITS, "1000 DKK, 150 eur",
                RiskBasicSettings.FIRST_ORDER_POINTS, "55"));

        RiskAssessment dkk = check.assess(Subjects.first(Money.of("1000.01", "DKK"), "prepaid-account", true));
        assertThat(dkk.reasons()).containsExactly(new RiskReason("first-order.amount", 55,
                "the customer's first order of " + Money.of("1000.01", "DKK") + " is above " + Money.of("1000", "DKK")));
        assertThat(check.assess(Subjects.first(Money.of("150.50", "EUR"), "prepaid-account", true)).score())
                .isEqualTo(55);
    }

    @Test
    void atTheLimitInAnotherCurrencyOrNotTheFirstOrderGivesNone() {
        FirstOrderCheck check = check(Map.of(RiskBasicSettings.FIRST_ORDER_LIMITS, "1000 DKK"));

        assertThat(check.assess(Subjects.first(Money.of("1000.00", "DKK"), "prepaid-account", true)))
                .isEqualTo(RiskAssessment.none());
        assertThat(check.assess(Subjects.first(Money.of("9000.00", "EUR"), "prepaid-account", true)))
                .isEqualTo(RiskAssessment.none());
        assertThat(check.assess(Subjects.first(Money.of("9000.00", "DKK"), "prepaid-account", false)))
                .isEqualTo(RiskAssessment.none());
        assertThat(check(Map.of()).assess(Subjects.first(Money.of("99999.00", "DKK"), "stripe", true)))
                .isEqualTo(RiskAssessment.none());
    }

    @Test
    void aFirstOrderPaidByCardGivesPointsWhenTheOperatorGivesThem() {
        FirstOrderCheck check = check(Map.of(RiskBasicSettings.FIRST_ORDER_GATEWAY_POINTS, "20"));

        assertThat(check.assess(Subjects.first(Money.of("10.00", "DKK"), "stripe", true)).reasons())
                .containsExactly(new RiskReason("first-order.card", 20,
                        "the customer's first order is paid by card (stripe)"));
        assertThat(check.assess(Subjects.first(Money.of("10.00", "DKK"), "bank-transfer", true)))
                .isEqualTo(RiskAssessment.none());
        assertThat(check.assess(Subjects.first(Money.of("10.00", "DKK"), "stripe", false)))
                .isEqualTo(RiskAssessment.none());
    }
}
