package org.kontor.host.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.risk.RiskAssessment;
import org.kontor.api.risk.RiskCheck;
import org.kontor.api.risk.RiskReason;
import org.kontor.api.risk.RiskSubject;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingType;
import org.kontor.api.verification.CreditScore;
import org.kontor.api.verification.CreditScoreProvider;
import org.kontor.api.verification.CreditScoreRequest;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.customers.ContactInput;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.CustomerHost;
import org.kontor.host.customers.SignUp;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;
import org.kontor.host.plugins.TestPlugins;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * The credit score risk check (PAY-6): with the sandbox bureau in a running host, and with bureaus of the test's own
 * for the cache, an unreachable bureau and none at all.
 */
@DatabaseTest(migrateHost = true)
class CreditScoreCheckTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final CreditScoreSettings RULES = new CreditScoreSettings(Set.of("bank-transfer", "sepa-direct-debit"),
            Optional.of(Money.of("100.00", "EUR")), 30, 100, 30, 0, 30);

    private final TestClock clock = TestClock.at(Instant.parse("2030-06-01T09:00:00Z"));
    private KontorHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    @DbTest
    void theSandboxBureausScoresGiveTheirPointsAndReasons(Database database) throws Exception {
        Path plugins = TestPlugins.deploy(Files.createTempDirectory("kontor-credit-test").resolve("plugins"),
                "verification-sandbox");
        host = CustomerHost.start(database, clock, Map.of("KONTOR_PLUGINS_DIR", plugins.toString(),
                "KONTOR_RISK_CREDIT_SCORE_FROM", "100 EUR"));
        assertThat(host.extensions().of(RiskCheck.class)).as("registered as a risk check extension")
                .contains(new Contribution<>("host", host.creditScoreCheck()));
        String insolvent = customerWithHolder("Ines Insolvent", "10115", "DE");
        String risky = customerWithHolder("Rolf Risiko", "8000", "DK");
        String unknown = customerWithHolder("Udo Unbekannt", "00000", "DE");
        String good = customerWithHolder("Karen Kunde", "8000", "DK");
        assertThat(host.creditScoreCheck().assess(subject(insolvent, "sepa-direct-debit", "250.00")))
                .as("the sandbox bureau is off until the operator switches it on").isEqualTo(RiskAssessment.none());
        host.pluginSettings().save("verification-sandbox", List.of(SettingField.of("bureau", SettingType.BOOLEAN,
                "Sandbox credit bureau", false, "false")), Map.of("bureau", "true"));

        RiskAssessment high = host.creditScoreCheck().assess(subject(insolvent, "sepa-direct-debit", "250.00"));
        assertThat(high.score()).isEqualTo(100);
        assertThat(high.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo("credit-score.high-risk");
            assertThat(reason.message()).startsWith("Credit score 5/100 from sandbox-bureau, high risk: insolvency");
        });
        RiskAssessment medium = host.creditScoreCheck().assess(subject(risky, "bank-transfer", "250.00"));
        assertThat(medium.score()).isEqualTo(30);
        assertThat(medium.reasons()).extracting(RiskReason::code).containsExactly("credit-score.medium-risk");
        assertThat(medium.reasons().get(0).message()).contains("45/100");
        RiskAssessment notKnown = host.creditScoreCheck().assess(subject(unknown, "bank-transfer", "250.00"));
        assertThat(notKnown.score()).isEqualTo(30);
        assertThat(notKnown.reasons()).extracting(RiskReason::code).containsExactly("credit-score.unknown");
        RiskAssessment low = host.creditScoreCheck().assess(subject(good, "bank-transfer", "250.00"));
        assertThat(low.score()).isZero();
        assertThat(low.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo("credit-score.low-risk");
            assertThat(reason.message()).matches("Credit score (7\\d|8\\d|9\\d)/100 from sandbox-bureau, low risk: .*");
        });

        assertThat(host.creditScoreCheck().assess(subject(insolvent, "stripe", "250.00")))
                .as("a card payment is not asked about").isEqualTo(RiskAssessment.none());
        assertThat(host.creditScoreCheck().assess(subject(insolvent, null, "250.00"))).isEqualTo(RiskAssessment.none());
        assertThat(host.creditScoreCheck().assess(subject(insolvent, "bank-transfer", "99.99")))
                .as("below risk.credit-score.from").isEqualTo(RiskAssessment.none());
        assertThat(host.creditScoreCheck().assess(subjectIn(insolvent, "bank-transfer", "99.99", "DKK")).score())
                .as("a total in another currency than the threshold's is asked about").isEqualTo(100);
        String noAddress = host.customers().signUp(new SignUp("credit" + SEQUENCE.incrementAndGet() + "@example.net",
                "a long enough password", "Nora Neu", null, "DK", "en", null)).id();
        assertThat(host.creditScoreCheck().assess(subject(noAddress, "bank-transfer", "250.00")).reasons())
                .singleElement().satisfies(reason -> {
                    assertThat(reason.code()).isEqualTo("credit-score.no-address");
                    assertThat(reason.points()).isZero();
                });
        assertThat(cachedRows(insolvent)).isEqualTo(1);
    }

    @DbTest
    void withoutABureauTheCheckGivesNothing(Database database) throws Exception {
        host = CustomerHost.start(database, clock, Map.of());
        String customer = customerWithHolder("Ines Insolvent", "10115", "DE");

        assertThat(host.creditScoreCheck().checkId()).isEqualTo("credit-score");
        assertThat(host.creditScoreCheck().assess(subject(customer, "bank-transfer", "5000.00")))
                .isEqualTo(RiskAssessment.none());
        assertThat(cachedRows(customer)).isZero();
    }

    @DbTest
    void theAnswerIsKeptForTheCacheDaysAndAnUnreachableBureauIsOnlyNoted(Database database) throws Exception {
        host = CustomerHost.start(database, clock, Map.of());
        String customer = customerWithHolder("Karen Kunde", "8000", "DK");
        List<CreditScoreRequest> asked = new ArrayList<>();
        List<Outcome<CreditScore>> answers = new ArrayList<>(List.of(
                Outcome.undefined("connect timed out"),
                Outcome.processed(new CreditScore(40, CreditScore.Rating.MEDIUM_RISK, "test-bureau", "two late payments"),
                        "ref-1"),
                Outcome.processed(new CreditScore(12, CreditScore.Rating.HIGH_RISK, "test-bureau", "court judgement"),
                        "ref-2")));
        CreditScoreProvider bureau = new CreditScoreProvider() {
            @Override
            public String providerId() {
                return "test-bureau";
            }

            @Override
            public Outcome<CreditScore> score(CreditScoreRequest request) {
                asked.add(request);
                return answers.remove(0);
            }
        };
        CreditScoreCheck check = new CreditScoreCheck(database.jdbi(), clock, running(bureau), applicants(), () -> RULES);

        RiskAssessment unreachable = check.assess(subject(customer, "bank-transfer", "250.00"));
        assertThat(unreachable.score()).isZero();
        assertThat(unreachable.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo("credit-score.unreachable");
            assertThat(reason.message()).contains("test-bureau").contains("connect timed out");
        });
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).name()).isEqualTo("Karen Kunde");
        assertThat(asked.get(0).address().postalCode()).isEqualTo("8000");
        assertThat(asked.get(0).customerId()).isEqualTo(customer);

        RiskAssessment answered = check.assess(subject(customer, "bank-transfer", "250.00"));
        assertThat(asked).as("an unreachable bureau is asked again").hasSize(2);
        assertThat(answered.score()).isEqualTo(30);
        assertThat(answered.reasons().get(0).message()).isEqualTo(
                "Credit score 40/100 from test-bureau, medium risk: two late payments");

        clock.advance(Duration.ofDays(29));
        assertThat(check.assess(subject(customer, "sepa-direct-debit", "900.00"))).isEqualTo(answered);
        assertThat(asked).as("within the cache days the kept answer counts").hasSize(2);

        clock.advance(Duration.ofDays(2));
        RiskAssessment renewed = check.assess(subject(customer, "bank-transfer", "250.00"));
        assertThat(asked).as("after the cache days the bureau is asked again").hasSize(3);
        assertThat(renewed.score()).isEqualTo(100);
        assertThat(renewed.reasons()).extracting(RiskReason::code).containsExactly("credit-score.high-risk");
        assertThat(cachedRows(customer)).isEqualTo(1);
    }

    @DbTest
    void aBureauThatThrowsIsNotedWithoutPoints(Database database) throws Exception {
        host = CustomerHost.start(database, clock, Map.of());
        String customer = customerWithHolder("Karen Kunde", "8000", "DK");
        CreditScoreProvider failing = new CreditScoreProvider() {
            @Override
            public String providerId() {
                return "broken-bureau";
            }

            @Override
            public Outcome<CreditScore> score(CreditScoreRequest request) {
                throw new IllegalStateException("bureau down");
            }
        };
        CreditScoreCheck check = new CreditScoreCheck(database.jdbi(), clock, running(failing), applicants(), () -> RULES);

        RiskAssessment noted = check.assess(subject(customer, "bank-transfer", "250.00"));
        assertThat(noted.score()).isZero();
        assertThat(noted.reasons()).extracting(RiskReason::code).containsExactly("credit-score.unreachable");
        assertThat(cachedRows(customer)).isZero();
        assertThat(new CreditScoreCheck(database.jdbi(), clock, running(failing), applicants(),
                () -> new CreditScoreSettings(Set.of(), Optional.empty(), 30, 100, 30, 0, 30))
                .assess(subject(customer, "bank-transfer", "250.00")))
                .as("no payment methods: never asked").isEqualTo(RiskAssessment.none());
    }

    // ---------------------------------------------------------------- helpers

    private String customerWithHolder(String name, String postalCode, String country) {
        Customer customer = host.customers().signUp(new SignUp("credit" + SEQUENCE.incrementAndGet() + "@example.net",
                "a long enough password", name, null, country, "en", null));
        host.contacts().create(customer.id(), new ContactInput("INDIVIDUAL", name, null, List.of("Vej 1"), "By", null,
                postalCode, country, "holder@example.net", "+45.12345678", null, null, null, null, null, List.of()));
        return customer.id();
    }

    private Function<String, Optional<CreditScoreCheck.Applicant>> applicants() {
        return customerId -> host.customers().find(customerId).flatMap(customer -> CreditScoreCheck.applicant(
                customer.name(), customer.company(), customer.country(),
                host.contacts().list(customerId).stream().map(holder -> holder.contact().address()).toList()));
    }

    private static Extensions running(CreditScoreProvider provider) {
        return new Extensions() {
            @Override
            public <T> List<Contribution<T>> of(Class<T> extensionPoint) {
                return extensionPoint == CreditScoreProvider.class
                        ? List.of(new Contribution<>("test", extensionPoint.cast(provider))) : List.of();
            }
        };
    }

    private int cachedRows(String customerId) {
        return host.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM credit_score WHERE customer_id = :c")
                .bind("c", customerId).mapTo(Integer.class).one());
    }

    private RiskSubject subject(String customerId, String method, String amount) {
        return subjectIn(customerId, method, amount, "EUR");
    }

    private RiskSubject subjectIn(String customerId, String method, String amount, String currency) {
        return new RiskSubject(RiskSubject.Kind.ORDER, "order-" + SEQUENCE.incrementAndGet(), customerId,
                "holder@example.net", "192.0.2.1", "DK", Money.of(amount, currency), method, true, false, null,
                List.of("dk"), clock.instant());
    }
}
