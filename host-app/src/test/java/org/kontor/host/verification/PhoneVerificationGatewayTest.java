package org.kontor.host.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.verification.SmsGateway;
import org.kontor.api.verification.TextMessage;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.customers.Browser;
import org.kontor.host.customers.CustomerHost;
import org.kontor.host.customers.SignUp;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * What phone verification does with the gateway's answers: none running, a refused number, no answer. The gateway is
 * the test's own; the host is real.
 */
@DatabaseTest(migrateHost = true)
class PhoneVerificationGatewayTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TestClock clock = TestClock.at(Instant.parse("2030-06-01T09:00:00Z"));
    private KontorHost host;

    @BeforeEach
    void start(Database database) throws Exception {
        host = CustomerHost.start(database, clock, Map.of());
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @DbTest
    void withoutAGatewayPhoneVerificationIsNotAvailable(Database database) throws Exception {
        String customer = customer();
        String token = host.apiTokens().issue(customer, Access.CUSTOMER, "test");
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + host.port() + "/api/v1/account/phone-verification"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"phoneNumber\":\"+4520123456\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).contains("\"reason\":\"sms-unavailable\"").contains("not available");
        assertThat(host.phoneVerifications().available()).isFalse();
        assertThat(host.phoneVerifications().status(customer).phoneNumber()).as("nothing was recorded").isNull();

        Browser browser = new Browser(host.port());
        browser.language = "sk";
        String token2 = Browser.csrfToken(browser.page("/account/signup"));
        String email = "sk" + SEQUENCE.incrementAndGet() + "@example.sk";
        assertThat(browser.form("/account/signup", Map.of("_csrf", token2, "email", email,
                "password", "dlhé dobré heslo", "name", "Ján Novák", "country", "SK", "language", "sk")).statusCode())
                .isEqualTo(303);
        assertThat(browser.page("/account/verification").body()).contains("id=\"sms-unavailable\"")
                .contains("Overenie telefónneho čísla teraz nie je k dispozícii.").doesNotContain("id=\"send-form\"");
    }

    @DbTest
    void aRefusedNumberIsNamedAndAnUnansweredCodeStillWorks(Database database) {
        String customer = customer();
        List<IdempotencyKey> keys = new ArrayList<>();
        List<TextMessage> texts = new ArrayList<>();
        List<Outcome<Void>> answers = new ArrayList<>(List.of(Outcome.error("21614", "not a mobile number"),
                Outcome.undefined("read timed out")));
        SmsGateway gateway = new SmsGateway() {
            @Override
            public String gatewayId() {
                return "test-sms";
            }

            @Override
            public Outcome<Void> send(IdempotencyKey key, TextMessage message) {
                keys.add(key);
                texts.add(message);
                return answers.remove(0);
            }
        };
        PhoneVerifications verifications = new PhoneVerifications(database.jdbi(), clock, new SecureRandom(),
                running(gateway), host.customers(), (language, code, minutes) -> language + ":" + code + ":" + minutes);

        PhoneVerificationException refused = assertThrows(PhoneVerificationException.class,
                () -> verifications.send(customer, "+4520123456"));
        assertThat(refused.reason()).isEqualTo(PhoneVerificationException.Reason.SMS_REFUSED);
        assertThat(refused.getMessage()).contains("not a mobile number");
        assertThat(verifications.status(customer).pending()).as("a refused code waits for nothing").isNull();
        assertThat(keys.get(0).value()).startsWith("phone-verification:");
        assertThat(texts.get(0).text()).matches("en:[0-9]{6}:10");

        clock.advance(Duration.ofMinutes(1));
        PhoneStatus unanswered = verifications.send(customer, "+4520123456");
        assertThat(unanswered.pending().state()).isEqualTo("UNDEFINED");
        assertThat(keys.get(1)).as("each code is sent under its own key").isNotEqualTo(keys.get(0));
        String code = texts.get(1).text().split(":")[1];
        assertThat(verifications.confirm(customer, code).verified()).as("the code works should it arrive").isTrue();
    }

    private String customer() {
        return host.customers().signUp(new SignUp("gw" + SEQUENCE.incrementAndGet() + "@example.net",
                "a long enough password", "Karen Kunde", null, "DK", "en", null)).id();
    }

    private static Extensions running(SmsGateway gateway) {
        return new Extensions() {
            @Override
            public <T> List<Contribution<T>> of(Class<T> extensionPoint) {
                return extensionPoint == SmsGateway.class
                        ? List.of(new Contribution<>("test", extensionPoint.cast(gateway))) : List.of();
            }
        };
    }
}
