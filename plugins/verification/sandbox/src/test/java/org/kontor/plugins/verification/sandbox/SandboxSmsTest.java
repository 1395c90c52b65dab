package org.kontor.plugins.verification.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.verification.TextMessage;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;
import org.kontor.testkit.TestPluginContext;

/** The sandbox gateway keeps each message once per key in its table and refuses numbers starting +999. */
@DatabaseTest(plugins = "verification-sandbox")
class SandboxSmsTest {

    private final TestClock clock = TestClock.at(Instant.parse("2030-05-01T08:00:00Z"));

    @DbTest
    void keepsEachMessageOncePerKeyNewestFirst(Database database) {
        TestPluginContext context = TestPluginContext.of("verification-sandbox", database.jdbi(), clock);
        SandboxSms sms = new SandboxSms(context);
        SandboxOutbox outbox = new SandboxOutbox(context);
        String key = "phone-verification:" + System.nanoTime();

        Outcome<Void> first = sms.send(IdempotencyKey.of(key), new TextMessage("+4520123456", "Your code is 123456."));
        clock.advance(Duration.ofSeconds(5));
        Outcome<Void> again = sms.send(IdempotencyKey.of(key), new TextMessage("+4520123456", "Your code is 999999."));
        clock.advance(Duration.ofSeconds(5));
        String other = key + "-b";
        sms.send(IdempotencyKey.of(other), new TextMessage("+420601123456", "Second message"));

        assertThat(sms.gatewayId()).isEqualTo("sandbox-sms");
        assertThat(first.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(again.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(first.reference()).isEqualTo(again.reference()).isEqualTo("SANDBOX-" + key);
        assertThat(outbox.find(key)).hasValueSatisfying(message -> {
            assertThat(message.text()).as("the first message under the key, not the second").isEqualTo("Your code is 123456.");
            assertThat(message.phoneNumber()).isEqualTo("+4520123456");
            assertThat(message.state()).isEqualTo("SENT");
            assertThat(message.createdAt()).isEqualTo(Instant.parse("2030-05-01T08:00:00Z"));
        });
        assertThat(outbox.latest(50)).extracting(SandboxMessage::idempotencyKey).containsSubsequence(other, key);
        assertThat(outbox.latest(50).stream().filter(message -> message.idempotencyKey().equals(key))).hasSize(1);
    }

    @DbTest
    void refusesNumbersStartingWith999AndAnswersTheSameAgain(Database database) {
        SandboxSms sms = new SandboxSms(TestPluginContext.of("verification-sandbox", database.jdbi(), clock));
        IdempotencyKey key = IdempotencyKey.of("refused:" + System.nanoTime());

        Outcome<Void> refused = sms.send(key, new TextMessage("+9991234567", "Your code is 000000."));
        Outcome<Void> again = sms.send(key, new TextMessage("+9991234567", "Your code is 000000."));

        assertThat(refused.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(refused.code()).isEqualTo("number-refused");
        assertThat(again.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(new SandboxOutbox(TestPluginContext.of("verification-sandbox", database.jdbi(), clock))
                .find(key.value())).hasValueSatisfying(message -> assertThat(message.state()).isEqualTo("REFUSED"));
    }
}
