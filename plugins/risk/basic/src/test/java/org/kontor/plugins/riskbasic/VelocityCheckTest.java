package org.kontor.plugins.riskbasic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.kontor.api.job.JobRun;
import org.kontor.api.risk.RiskAssessment;
import org.kontor.api.risk.RiskReason;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;
import org.kontor.testkit.TestPluginContext;

/**
 * Velocity over the plugin's own table: orders and top-ups count together per IP address, e-mail and account within
 * the window, payments per card; what left the window no longer counts, and the job deletes old observations.
 */
@DatabaseTest(plugins = "risk-basic")
class VelocityCheckTest {

    private static final Instant START = Instant.parse("2030-03-01T10:00:00Z");

    private final TestClock clock = TestClock.at(START);

    private VelocityCheck check(Database database, Map<String, String> settings) {
        return new VelocityCheck(TestPluginContext.of("risk-basic", database.jdbi(), clock).withSettings(settings));
    }

    private static Map<String, String> limits(String ip, String email, String account, String card) {
        Map<String, String> settings = new HashMap<>();
        settings.put(RiskBasicSettings.VELOCITY_IP_LIMIT, ip);
        settings.put(RiskBasicSettings.VELOCITY_EMAIL_LIMIT, email);
        settings.put(RiskBasicSettings.VELOCITY_ACCOUNT_LIMIT, account);
        settings.put(RiskBasicSettings.VELOCITY_CARD_LIMIT, card);
        return settings;
    }

    @DbTest
    void ordersAndTopUpsFromOneAddressCountTogetherBeyondTheLimit(Database database) {
        VelocityCheck check = check(database, limits("3", "99", "99", "99"));
        String s = Long.toString(System.nanoTime(), 36);

        assertThat(check.assess(Subjects.order("O-1" + s, "C-a" + s, "a" + s + "@example.com", "203.0.113.9",
                clock.instant()))).isEqualTo(RiskAssessment.none());
        clock.advance(Duration.ofMinutes(5));
        check.assess(Subjects.topUp("T-1" + s, "C-b" + s, "b" + s + "@example.com", "203.0.113.9", clock.instant()));
        clock.advance(Duration.ofMinutes(5));
        assertThat(check.assess(Subjects.order("O-2" + s, "C-c" + s, "c" + s + "@example.com", "203.0.113.9",
                clock.instant()))).as("3 of 3").isEqualTo(RiskAssessment.none());
        clock.advance(Duration.ofMinutes(5));

        RiskAssessment fourth = check.assess(Subjects.order("O-3" + s, "C-d" + s, "d" + s + "@example.com",
                "203.0.113.9", clock.instant()));

        assertThat(fourth.reasons()).containsExactly(new RiskReason("velocity.ip", 40,
                "3 orders and 1 top-up from 203.0.113.9 in 1 h (limit 3)"));
    }

    @DbTest
    void keysAreStoredAsDigestsUnderTheInstallationsSecretThatTwoChecksShare(Database database) throws Exception {
        String s = Long.toString(System.nanoTime(), 36);
        String ip = "192.0.2." + (Math.abs(s.hashCode()) % 200 + 1);
        String reference = "O-digest-" + s;
        check(database, limits("1", "99", "99", "99")).assess(Subjects.order(reference, "C-x" + s, "x" + s + "@example.com",
                ip, clock.instant()));
        // A second check (another host) makes no second secret: it counts the first one's observation.
        RiskAssessment second = check(database, limits("1", "99", "99", "99")).assess(Subjects.order("O-digest2-" + s,
                "C-y" + s, "y" + s + "@example.com", ip, clock.instant()));
        assertThat(second.reasons()).extracting(RiskReason::code).containsExactly("velocity.ip");

        String stored = database.jdbi().withHandle(h -> h.createQuery("SELECT key_digest FROM risk_basic_observation "
                + "WHERE reference = :reference AND key_type = 'ip'").bind("reference", reference)
                .mapTo(String.class).one());
        String plain = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(("ip:" + ip).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(stored).doesNotContain(ip).hasSize(64).isNotEqualTo(plain);
        int secrets = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM risk_basic_digest_secret")
                .mapTo(Integer.class).one());
        assertThat(secrets).isEqualTo(1);
    }

    @DbTest
    void whatLeftTheWindowNoLongerCounts(Database database) {
        Map<String, String> settings = limits("2", "99", "99", "99");
        settings.put(RiskBasicSettings.VELOCITY_WINDOW_MINUTES, "30");
        VelocityCheck check = check(database, settings);
        String s = Long.toString(System.nanoTime(), 36);
        String ip = "198.51.100.77";

        check.assess(Subjects.order("O-1" + s, "C-1" + s, "e" + s + "@example.com", ip, clock.instant()));
        clock.advance(Duration.ofMinutes(20));
        check.assess(Subjects.order("O-2" + s, "C-2" + s, "f" + s + "@example.com", ip, clock.instant()));
        clock.advance(Duration.ofMinutes(9));
        assertThat(check.assess(Subjects.order("O-3" + s, "C-3" + s, "g" + s + "@example.com", ip, clock.instant()))
                .score()).as("three within 30 minutes").isEqualTo(40);

        clock.advance(Duration.ofMinutes(25)); // the first two are older than 30 minutes now
        assertThat(check.assess(Subjects.order("O-4" + s, "C-4" + s, "h" + s + "@example.com", ip, clock.instant())))
                .isEqualTo(RiskAssessment.none());
    }

    @DbTest
    void theSameEmailAndAccountCountAcrossAddressesWithTheirOwnPoints(Database database) {
        Map<String, String> settings = limits("99", "2", "1", "99");
        settings.put(RiskBasicSettings.VELOCITY_EMAIL_POINTS, "25");
        settings.put(RiskBasicSettings.VELOCITY_ACCOUNT_POINTS, "15");
        VelocityCheck check = check(database, settings);
        String s = Long.toString(System.nanoTime(), 36);
        String email = "Eva" + s + "@Example.com";

        check.assess(Subjects.order("O-1" + s, "C-1" + s, email, "203.0.113.1", clock.instant()));
        check.assess(Subjects.topUp("T-1" + s, "C-1" + s, email.toLowerCase(), "203.0.113.2", clock.instant()));
        RiskAssessment third = check.assess(Subjects.order("O-2" + s, "C-1" + s, email, "203.0.113.3", clock.instant()));

        assertThat(third.score()).isEqualTo(25 + 15);
        assertThat(third.reasons()).extracting(RiskReason::code).containsExactly("velocity.email", "velocity.account");
        assertThat(third.reasons().get(0).message()).isEqualTo("2 orders and 1 top-up by " + email.toLowerCase()
                + " in 1 h (limit 2)");
        assertThat(third.reasons().get(1).message()).isEqualTo("2 orders and 1 top-up of account C-1" + s
                + " in 1 h (limit 1)");
        // another account with the same e-mail: counted by the e-mail, but its own account has one order only
        RiskAssessment other = check.assess(Subjects.order("O-3" + s, "C-2" + s, email, "203.0.113.4", clock.instant()));
        assertThat(other.reasons()).extracting(RiskReason::code).containsExactly("velocity.email");
    }

    @DbTest
    void aCardCountsItsPaymentsWhatEverTheAccount(Database database) {
        VelocityCheck check = check(database, limits("99", "99", "99", "2"));
        String s = Long.toString(System.nanoTime(), 36);
        String card = "Xt5EWLLDS7F" + s;

        assertThat(check.assess(Subjects.payment("O-1" + s, "C-1" + s, card, clock.instant()))).isEqualTo(RiskAssessment.none());
        check.assess(Subjects.payment("O-2" + s, "C-2" + s, card, clock.instant()));
        RiskAssessment third = check.assess(Subjects.payment("O-3" + s, "C-3" + s, card, clock.instant()));

        assertThat(third.reasons()).containsExactly(new RiskReason("velocity.card", 50,
                "3 payments with card " + card + " in 1 h (limit 2)"));
        // the same payment assessed again is still three payments, not four
        assertThat(check.assess(Subjects.payment("O-3" + s, "C-3" + s, card, clock.instant())).reasons().get(0)
                .message()).startsWith("3 payments");
    }

    @DbTest
    void aPaymentIsNotCountedAgainUnderItsAddressEmailOrAccount(Database database) {
        VelocityCheck check = check(database, limits("1", "1", "1", "99"));
        String s = Long.toString(System.nanoTime(), 36);

        assertThat(check.assess(Subjects.order("O-1" + s, "C-1" + s, "p" + s + "@example.com", "203.0.113.50",
                clock.instant()))).isEqualTo(RiskAssessment.none());
        assertThat(check.assess(Subjects.payment("O-1" + s, "C-1" + s, "card-" + s, clock.instant())))
                .isEqualTo(RiskAssessment.none());
        assertThat(check.assess(Subjects.order("O-2" + s, "C-1" + s, "p" + s + "@example.com", "203.0.113.50",
                clock.instant())).reasons()).extracting(RiskReason::message)
                .allSatisfy(message -> assertThat(message).startsWith("2 orders "));
    }

    @DbTest
    void privateAddressesAreNotCounted(Database database) {
        VelocityCheck check = check(database, limits("1", "99", "99", "99"));
        String s = Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < 3; i++) {
            assertThat(check.assess(Subjects.order("O-" + i + s, "C-" + i + s, i + s + "@example.com", "127.0.0.1",
                    clock.instant()))).isEqualTo(RiskAssessment.none());
            assertThat(check.assess(Subjects.order("P-" + i + s, "D-" + i + s, i + s + "@example.org", "10.0.0.8",
                    clock.instant()))).isEqualTo(RiskAssessment.none());
        }
    }

    @DbTest
    void turnedOffItRecordsNothingAndGivesNothing(Database database) {
        Map<String, String> settings = limits("0", "0", "0", "0");
        settings.put(RiskBasicSettings.VELOCITY_ENABLED, "false");
        String s = Long.toString(System.nanoTime(), 36);
        assertThat(check(database, settings).assess(Subjects.order("O-1" + s, "C-1" + s, "x@example.com",
                "203.0.113.60", clock.instant()))).isEqualTo(RiskAssessment.none());
        int rows = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM risk_basic_observation "
                + "WHERE reference = :reference").bind("reference", "O-1" + s).mapTo(Integer.class).one());
        assertThat(rows).isZero();
    }

    @DbTest
    void theJobDeletesObservationsOlderThanTheKeptDays(Database database) {
        String s = Long.toString(System.nanoTime(), 36);
        Map<String, String> settings = limits("99", "99", "99", "99");
        settings.put(RiskBasicSettings.VELOCITY_KEEP_DAYS, "2");
        TestPluginContext context = TestPluginContext.of("risk-basic", database.jdbi(), clock).withSettings(settings);
        VelocityCheck check = new VelocityCheck(context);
        check.assess(Subjects.order("O-old" + s, "C-1" + s, "o" + s + "@example.com", "203.0.113.70", clock.instant()));
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        check.assess(Subjects.order("O-new" + s, "C-1" + s, "o" + s + "@example.com", "203.0.113.70", clock.instant()));

        new ObservationPruneJob(context).run(new JobRun(clock.instant(), clock.instant()));

        java.util.List<String> left = database.jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT reference "
                + "FROM risk_basic_observation WHERE reference IN (:a, :b)").bind("a", "O-old" + s)
                .bind("b", "O-new" + s).mapTo(String.class).list());
        assertThat(left).containsExactly("O-new" + s);
    }
}
