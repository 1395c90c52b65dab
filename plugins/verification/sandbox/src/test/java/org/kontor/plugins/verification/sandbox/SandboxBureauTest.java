package org.kontor.plugins.verification.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kontor.api.contact.PostalAddress;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.verification.CreditScore;
import org.kontor.api.verification.CreditScoreRequest;
import org.kontor.testkit.TestPluginContext;

/** The sandbox bureau's documented rules give the same answer for the same person every time. */
class SandboxBureauTest {

    private final SandboxBureau bureau = new SandboxBureau(TestPluginContext.of("verification-sandbox",
            Clock.systemUTC()).withSettings(Map.of("bureau", "true")));

    @Test
    void itAnswersOnlyWhenSwitchedOn() {
        assertThat(bureau.available()).isTrue();
        assertThat(new SandboxBureau(TestPluginContext.of("verification-sandbox", Clock.systemUTC())).available())
                .as("off by default").isFalse();
        assertThat(new SandboxBureau(TestPluginContext.of("verification-sandbox", Clock.systemUTC())
                .withSettings(Map.of("bureau", "false"))).available()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "Ines Insolvent, , 10115, 5, HIGH_RISK",
            "Karen Kunde, INSOLVENT Holding GmbH, 10115, 5, HIGH_RISK",
            "Rolf Risiko, , 8000, 45, MEDIUM_RISK",
            "Rick Risk, , 00000, 45, MEDIUM_RISK",
            "Emil Ærlig, Risikofri ApS, 2100, 45, MEDIUM_RISK"})
    void namesGiveTheirRating(String name, String company, String postalCode, int score, CreditScore.Rating rating) {
        Outcome<CreditScore> answer = bureau.score(request(name, company, postalCode));

        assertThat(answer.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(answer.value().score()).isEqualTo(score);
        assertThat(answer.value().rating()).isEqualTo(rating);
        assertThat(answer.value().bureau()).isEqualTo("sandbox-bureau");
        assertThat(answer.value().explanation()).contains("sandbox rule");
    }

    @Test
    void postalCode00000IsUnknownToTheBureau() {
        Outcome<CreditScore> answer = bureau.score(request("Karen Kunde", null, "00000"));

        assertThat(answer.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(answer.code()).isEqualTo("unknown-person");
    }

    @Test
    void anyoneElseGetsALowRiskScoreFromTheHashOfNameAndPostalCode() {
        CreditScore karen = bureau.score(request("Karen Kunde", null, "8000")).value();
        CreditScore sameAgain = bureau.score(request("  KAREN   kunde ", null, "8000")).value();
        CreditScore elsewhere = bureau.score(request("Karen Kunde", null, "2100")).value();

        assertThat(karen.rating()).isEqualTo(CreditScore.Rating.LOW_RISK);
        assertThat(karen.score()).isBetween(70, 99)
                .isEqualTo(70 + SandboxBureau.hashScore("karen kunde|8000"))
                .isEqualTo(sameAgain.score());
        assertThat(elsewhere.score()).isEqualTo(70 + SandboxBureau.hashScore("karen kunde|2100")).isBetween(70, 99);
        assertThat(SandboxBureau.hashScore("karen kunde|8000")).isNotEqualTo(SandboxBureau.hashScore("karen kunde|2100"));
    }

    private static CreditScoreRequest request(String name, String company, String postalCode) {
        return new CreditScoreRequest(IdempotencyKey.of("credit-score:test"), "customer-1", name, company,
                PostalAddress.of("Hovedgaden 1", postalCode, "By", "DK"), null);
    }
}
