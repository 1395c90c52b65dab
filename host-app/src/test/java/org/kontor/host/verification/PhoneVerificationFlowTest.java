package org.kontor.host.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.customers.Browser;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.CustomerHost;
import org.kontor.host.customers.SignUp;
import org.kontor.host.json.JsonMapping;
import org.kontor.host.plugins.TestPlugins;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * Phone verification end to end (ORD-11): the host with the verification sandbox plugin sends the code through its
 * text message gateway, the test reads the code where an operator would (the sandbox's table and admin page) and
 * enters it through the JSON API and the customer center. The clock is the test's.
 */
@DatabaseTest(migrateHost = true)
class PhoneVerificationFlowTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");

    private final TestClock clock = TestClock.at(Instant.parse("2030-06-01T09:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = JsonMapping.create();
    private KontorHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private void start(Database database) throws Exception {
        Path plugins = TestPlugins.deploy(Files.createTempDirectory("kontor-verification-test").resolve("plugins"),
                "verification-sandbox");
        host = CustomerHost.start(database, clock, Map.of("KONTOR_PLUGINS_DIR", plugins.toString()));
        assertThat(host.plugins().activePluginIds()).contains("verification-sandbox");
    }

    @DbTest
    void aCustomerConfirmsTheirNumberWithTheCodeAndNobodyElseCan(Database database) throws Exception {
        start(database);
        Account karen = account("DK");
        Account other = account("DK");

        HttpResponse<String> sent = post(karen, "/api/v1/account/phone-verification", "{\"phoneNumber\":\"20 12 34 56\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        JsonNode status = json.readTree(sent.body());
        assertThat(status.path("phoneNumber").asText()).as("read in the customer's country").isEqualTo("+4520123456");
        assertThat(status.path("verified").asBoolean()).isFalse();
        assertThat(status.at("/pending/state").asText()).isEqualTo("SENT");
        assertThat(status.at("/pending/attemptsLeft").asInt()).isEqualTo(5);
        assertThat(Instant.parse(status.at("/pending/expiresAt").asText())).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        String code = lastCodeTo(karen, "+4520123456");
        assertThat(storedColumns(karen)).as("the code is stored only as a salted hash").noneMatch(value -> value.contains(code));

        HttpResponse<String> wrong = post(karen, "/api/v1/account/phone-verification/confirm",
                "{\"code\":\"" + otherThan(code) + "\"}");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json.readTree(wrong.body()).path("reason").asText()).isEqualTo("code-wrong");
        assertThat(json.readTree(get(karen).body()).at("/pending/attemptsLeft").asInt()).isEqualTo(4);

        HttpResponse<String> stranger = post(other, "/api/v1/account/phone-verification/confirm", "{\"code\":\"" + code + "\"}");
        assertThat(stranger.statusCode()).as("another customer has no code waiting").isEqualTo(409);
        assertThat(json.readTree(stranger.body()).path("reason").asText()).isEqualTo("code-missing");
        assertThat(post(other, "/api/v1/account/phone-verification", "{\"phoneNumber\":\"+45 31 23 45 67\"}").statusCode())
                .isEqualTo(202);
        String othersCode = lastCodeTo(other, "+4531234567");
        if (!othersCode.equals(code)) {
            HttpResponse<String> someoneElses = post(other, "/api/v1/account/phone-verification/confirm",
                    "{\"code\":\"" + code + "\"}");
            assertThat(someoneElses.statusCode()).as("Karen's code does not confirm another account").isEqualTo(422);
        }
        assertThat(host.phoneVerifications().verified(other.id())).isFalse();

        HttpResponse<String> confirmed = post(karen, "/api/v1/account/phone-verification/confirm", "{\"code\":\"" + code + "\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        JsonNode after = json.readTree(confirmed.body());
        assertThat(after.path("verified").asBoolean()).isTrue();
        assertThat(after.path("verifiedAt").asText()).isEqualTo(clock.instant().toString());
        assertThat(after.path("pending").isNull()).isTrue();
        assertThat(host.phoneVerifications().verified(karen.id())).isTrue();
        assertThat(host.phoneVerifications().verifiedNumber(karen.id())).hasValue("+4520123456");
        assertThat(post(karen, "/api/v1/account/phone-verification/confirm", "{\"code\":\"" + code + "\"}").statusCode())
                .as("a code confirms once").isEqualTo(409);

        String admin = host.apiTokens().issue("staff-" + SEQUENCE.incrementAndGet(), Access.ADMIN, "test");
        HttpResponse<String> outbox = send(HttpRequest.newBuilder(uri("/admin/p/verification-sandbox/"))
                .header("Authorization", "Bearer " + admin).GET());
        assertThat(outbox.statusCode()).isEqualTo(200);
        assertThat(outbox.body()).as("the operator reads the code on the sandbox's page").contains("+4520123456")
                .contains(code).contains("Insolvent");
        HttpResponse<String> customerPage = send(HttpRequest.newBuilder(uri("/admin/customers/" + karen.id()))
                .header("Authorization", "Bearer " + admin).GET());
        assertThat(customerPage.body()).contains("id=\"customer-phone\"").contains("+4520123456 (confirmed)");
    }

    @DbTest
    void aCodeExpiresAfterTenMinutesAndFiveWrongEntriesVoidIt(Database database) throws Exception {
        start(database);
        Account account = account("DE");
        assertThat(post(account, "/api/v1/account/phone-verification", "{\"phoneNumber\":\"0151 23456789\"}").statusCode())
                .isEqualTo(202);
        String code = lastCodeTo(account, "+4915123456789");
        clock.advance(Duration.ofMinutes(10));
        HttpResponse<String> expired = post(account, "/api/v1/account/phone-verification/confirm", "{\"code\":\"" + code + "\"}");
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(json.readTree(expired.body()).path("reason").asText()).isEqualTo("code-expired");
        assertThat(host.phoneVerifications().verified(account.id())).isFalse();

        assertThat(post(account, "/api/v1/account/phone-verification", "{\"phoneNumber\":\"+49 151 23456789\"}").statusCode())
                .isEqualTo(202);
        String fresh = lastCodeTo(account, "+4915123456789");
        for (int attempt = 1; attempt <= 4; attempt++) {
            HttpResponse<String> wrong = post(account, "/api/v1/account/phone-verification/confirm",
                    "{\"code\":\"" + otherThan(fresh) + "\"}");
            assertThat(wrong.statusCode()).isEqualTo(422);
            assertThat(json.readTree(wrong.body()).path("detail").asText()).contains((5 - attempt) + " attempts are left");
        }
        HttpResponse<String> fifth = post(account, "/api/v1/account/phone-verification/confirm",
                "{\"code\":\"" + otherThan(fresh) + "\"}");
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(json.readTree(fifth.body()).path("reason").asText()).isEqualTo("too-many-attempts");
        HttpResponse<String> rightTooLate = post(account, "/api/v1/account/phone-verification/confirm",
                "{\"code\":\"" + fresh + "\"}");
        assertThat(rightTooLate.statusCode()).as("the void code no longer works").isEqualTo(429);
        assertThat(host.phoneVerifications().verified(account.id())).isFalse();
    }

    @DbTest
    void twoFirstSendsAtOnceSendOneCodeAndThrottleTheOther(Database database) throws Exception {
        start(database);
        Account account = account("DK");
        String body = "{\"phoneNumber\":\"+45 40 11 22 33\"}";
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return post(account, "/api/v1/account/phone-verification", body).statusCode();
                }));
            }
            go.countDown();
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).as("one is sent, the other throttled, neither fails").containsExactlyInAnyOrder(202, 429);
        } finally {
            pool.shutdownNow();
        }
        assertThat(sentTo("+4540112233")).isEqualTo(1);
    }

    @DbTest
    void codesAreSentOnceAMinuteAndFiveTimesAnHour(Database database) throws Exception {
        start(database);
        Account account = account("CZ");
        String body = "{\"phoneNumber\":\"601 123 456\"}";
        assertThat(post(account, "/api/v1/account/phone-verification", body).statusCode()).isEqualTo(202);
        clock.advance(Duration.ofSeconds(20));
        HttpResponse<String> tooSoon = post(account, "/api/v1/account/phone-verification", body);
        assertThat(tooSoon.statusCode()).isEqualTo(429);
        assertThat(json.readTree(tooSoon.body()).path("reason").asText()).isEqualTo("resend-throttled");
        assertThat(tooSoon.headers().firstValue("Retry-After")).hasValue("40");
        for (int sent = 2; sent <= 5; sent++) {
            clock.advance(Duration.ofSeconds(61));
            assertThat(post(account, "/api/v1/account/phone-verification", body).statusCode()).as("code " + sent)
                    .isEqualTo(202);
        }
        clock.advance(Duration.ofMinutes(2));
        HttpResponse<String> sixth = post(account, "/api/v1/account/phone-verification", body);
        assertThat(sixth.statusCode()).as("the sixth within the hour").isEqualTo(429);
        long retryAfter = Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isEqualTo(Duration.ofHours(1).minusSeconds(20 + 4 * 61 + 120).toSeconds());
        assertThat(sentTo("+420601123456")).as("nothing was sent for the refused requests").isEqualTo(5);
        clock.advance(Duration.ofSeconds(retryAfter));
        assertThat(post(account, "/api/v1/account/phone-verification", body).statusCode()).isEqualTo(202);
    }

    @DbTest
    void anotherNumberDropsTheVerification(Database database) throws Exception {
        start(database);
        Account account = account("DK");
        post(account, "/api/v1/account/phone-verification", "{\"phoneNumber\":\"+4520123456\"}");
        assertThat(post(account, "/api/v1/account/phone-verification/confirm",
                "{\"code\":\"" + lastCodeTo(account, "+4520123456") + "\"}").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));

        HttpResponse<String> again = post(account, "/api/v1/account/phone-verification", "{\"phoneNumber\":\"+4520123456\"}");
        assertThat(json.readTree(again.body()).path("verified").asBoolean()).as("the same number stays confirmed").isTrue();
        clock.advance(Duration.ofMinutes(2));
        HttpResponse<String> changed = post(account, "/api/v1/account/phone-verification", "{\"phoneNumber\":\"+4540123456\"}");
        assertThat(changed.statusCode()).isEqualTo(202);
        JsonNode status = json.readTree(changed.body());
        assertThat(status.path("phoneNumber").asText()).isEqualTo("+4540123456");
        assertThat(status.path("verified").asBoolean()).isFalse();
        assertThat(host.phoneVerifications().verified(account.id())).isFalse();
        assertThat(host.phoneVerifications().verifiedNumber(account.id())).isEmpty();
    }

    @DbTest
    void numbersThatAreNoMobileNumbersAreRefused(Database database) throws Exception {
        start(database);
        Account account = account("DK");
        for (String number : List.of("12345", "+45 1234", "not a number", "")) {
            HttpResponse<String> refused = post(account, "/api/v1/account/phone-verification",
                    json.writeValueAsString(Map.of("phoneNumber", number)));
            assertThat(refused.statusCode()).as(number).isEqualTo(422);
            assertThat(json.readTree(refused.body()).path("reason").asText()).isEqualTo("phone-invalid");
        }
        assertThat(json.readTree(get(account).body()).path("phoneNumber").isNull()).isTrue();
    }

    @DbTest
    void theCustomerCenterPageSendsAndConfirmsInTheCustomersLanguage(Database database) throws Exception {
        start(database);
        Browser browser = new Browser(host.port());
        browser.language = "da";
        String email = "telefon" + SEQUENCE.incrementAndGet() + "@example.dk";
        Map<String, String> signUp = new LinkedHashMap<>();
        signUp.put("_csrf", Browser.csrfToken(browser.page("/account/signup")));
        signUp.put("email", email);
        signUp.put("password", "en god lang adgangskode");
        signUp.put("name", "Karen Kunde");
        signUp.put("country", "DK");
        signUp.put("language", "da");
        assertThat(browser.form("/account/signup", signUp).statusCode()).isEqualTo(303);

        assertThat(browser.page("/account").body()).contains("href=\"/account/verification\"");
        HttpResponse<String> page = browser.page("/account/verification");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"send-form\"").contains("ikke bekræftet").doesNotContain("id=\"confirm-form\"");
        String token = Browser.csrfToken(page);

        HttpResponse<String> invalid = browser.form("/account/verification/send", Map.of("_csrf", token, "phone", "123"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("id=\"phone-error\"").contains("Angiv et mobilnummer");

        HttpResponse<String> sent = browser.form("/account/verification/send", Map.of("_csrf", token, "phone", "20123456"));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location")).hasValue("/account/verification?saved=sent");
        String text = lastTextTo(host.customers().findByEmail(email).orElseThrow().id(), "+4520123456");
        assertThat(text).as("the text message is in the customer's language").startsWith("Din bekræftelseskode er");
        String code = code(text);
        HttpResponse<String> pending = browser.page("/account/verification?saved=sent");
        assertThat(pending.body()).contains("id=\"code-sent\"").contains("+45 20 12 34 56").contains("id=\"confirm-form\"");

        HttpResponse<String> wrong = browser.form("/account/verification/confirm", Map.of("_csrf", token, "code",
                otherThan(code)));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"code-error\"").contains("Koden er forkert. Der er 4 forsøg tilbage.");
        HttpResponse<String> withoutToken = browser.form("/account/verification/confirm", Map.of("code", code));
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        HttpResponse<String> confirmed = browser.form("/account/verification/confirm", Map.of("_csrf", token, "code", code));
        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(browser.page("/account/verification?saved=verified").body()).contains("id=\"phone-verified\"")
                .contains("Dit mobilnummer er bekræftet.");
        assertThat(host.phoneVerifications().verified(host.customers().findByEmail(email).orElseThrow().id())).isTrue();
    }

    // ---------------------------------------------------------------- helpers

    private record Account(String id, String token) {
    }

    private Account account(String country) {
        Customer customer = host.customers().signUp(new SignUp("phone" + SEQUENCE.incrementAndGet() + "@example.net",
                "a long enough password", "Karen Kunde", null, country, "en", null));
        return new Account(customer.id(), host.apiTokens().issue(customer.id(), Access.CUSTOMER, "test"));
    }

    private HttpResponse<String> post(Account account, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + account.token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(Account account) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/v1/account/phone-verification"))
                .header("Authorization", "Bearer " + account.token()).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + host.port() + path);
    }

    /** The text of the customer's latest code, as the sandbox kept it under the code's idempotency key. */
    private String lastTextTo(String customerId, String number) {
        return host.database().jdbi().withHandle(h -> h.createQuery("SELECT m.text, m.phone_number "
                        + "FROM phone_verification p JOIN verification_sandbox_message m ON m.idempotency_key = p.send_key "
                        + "WHERE p.customer_id = :customer ORDER BY p.created_at DESC, p.id DESC")
                .bind("customer", customerId)
                .map((rs, ctx) -> {
                    assertThat(rs.getString("phone_number")).isEqualTo(number);
                    return rs.getString("text");
                }).first());
    }

    private String lastCodeTo(Account account, String number) {
        return code(lastTextTo(account.id(), number));
    }

    private int sentTo(String number) {
        return host.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM verification_sandbox_message "
                + "WHERE phone_number = :number").bind("number", number).mapTo(Integer.class).one());
    }

    private List<String> storedColumns(Account account) {
        return host.database().jdbi().withHandle(h -> h.createQuery("SELECT * FROM phone_verification WHERE customer_id = :id")
                .bind("id", account.id()).mapToMap().list()).stream()
                .flatMap(row -> row.values().stream()).map(String::valueOf).toList();
    }

    private static String code(String text) {
        Matcher matcher = CODE.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }
}
