package org.kontor.plugins.provisioning.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.api.domain.DomainName;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.provisioning.ChangePlan;
import org.kontor.api.provisioning.CreateService;
import org.kontor.api.provisioning.ProvisionedService;
import org.kontor.api.provisioning.ServiceAction;
import org.kontor.api.provisioning.ServiceOwner;
import org.kontor.api.settings.ConnectionTestResult;
import org.kontor.testkit.TestPluginContext;

/**
 * The provisioner against a real HTTP server answering from the recorded mappings under {@code webhook/}: signed
 * requests, a confirmation later, repeats with the same key, refusals and time-outs.
 */
@DatabaseTest(plugins = "provisioning-webhook")
class WebhookProvisionerTest {

    private static final String SECRET = "whsec-test-3f9a";
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");

    private WireMockServer endpoint;
    private final Map<String, String> settings = new HashMap<>();
    private final List<Duration> pauses = new ArrayList<>();
    private Database database;

    @BeforeEach
    void start(Database database) {
        this.database = database;
        endpoint = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .usingFilesUnderClasspath("webhook"));
        endpoint.start();
        settings.put(WebhookSettings.BASE_URL, "http://127.0.0.1:" + endpoint.port() + "/hooks");
        settings.put(WebhookSettings.SIGNING_SECRET, SECRET);
        settings.put(WebhookSettings.TIMEOUT_MS, "300");
        settings.put(WebhookSettings.RETRIES, "2");
        settings.put(WebhookSettings.RETRY_DELAY_MS, "5");
    }

    @AfterEach
    void stop() {
        endpoint.stop();
    }

    @DbTest
    void aCreateIsSignedAndAnswersTheReferenceAndDetailsWithoutPasswords() {
        Outcome<ProvisionedService> outcome = provisioner().create(create("s-ok", "mail-5"));

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(outcome.reference()).isEqualTo("acct-1001");
        assertThat(outcome.value().remoteReference()).isEqualTo("acct-1001");
        assertThat(outcome.value().details()).containsEntry("webmail", "https://mail.example.net")
                .containsEntry("username", "info@ok.dk").doesNotContainKey("password");
        List<LoggedRequest> sent = endpoint.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/hooks/services/create")));
        assertThat(sent).hasSize(1);
        LoggedRequest request = sent.get(0);
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo("svc:s-ok:create:1");
        assertThat(request.getBodyAsString()).contains("\"action\":\"create\"").contains("\"key\":\"svc:s-ok:create:1\"")
                .contains("\"domain\":\"ok.dk\"");
        Matcher signature = SIGNATURE.matcher(request.getHeader(WebhookSignature.HEADER));
        assertThat(signature.matches()).isTrue();
        assertThat(Long.parseLong(signature.group(1))).isCloseTo(System.currentTimeMillis() / 1000,
                org.assertj.core.data.Offset.offset(60L));
        assertThat(signature.group(2)).isEqualTo(WebhookSignature.hmac(SECRET,
                signature.group(1) + "." + request.getBodyAsString()));
        assertThat(signature.group(2)).isNotEqualTo(WebhookSignature.hmac("another-secret",
                signature.group(1) + "." + request.getBodyAsString()));
    }

    @DbTest
    void anAcceptedCreateIsPendingAndTheStatusConfirmsItLater() {
        Outcome<ProvisionedService> accepted = provisioner().create(create("s-later", "web-10"));
        assertThat(accepted.status()).isEqualTo(OutcomeStatus.PENDING);
        assertThat(accepted.reference()).isEqualTo("job-77");

        Outcome<ProvisionedService> confirmed = provisioner().status(IdempotencyKey.of("svc:s-later:create:1"));
        assertThat(confirmed.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(confirmed.value().remoteReference()).isEqualTo("acct-2002");
        assertThat(confirmed.value().details()).containsEntry("panel", "https://panel.example.net/2002");
        LoggedRequest asked = endpoint.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/hooks/operations/svc:s-later:create:1")))
                .get(0);
        Matcher signature = SIGNATURE.matcher(asked.getHeader(WebhookSignature.HEADER));
        assertThat(signature.matches()).isTrue();
        assertThat(signature.group(2)).isEqualTo(WebhookSignature.hmac(SECRET, signature.group(1) + "."));

        assertThat(provisioner().status(IdempotencyKey.of("svc:s-unknown:create:1")).status())
                .isEqualTo(OutcomeStatus.CANCELED);
    }

    @DbTest
    void serverErrorsAreRepeatedWithTheSameKeyUntilTheEndpointAnswers() {
        Outcome<ProvisionedService> outcome = provisioner().create(create("s-flaky", "web-10"));

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(outcome.value().remoteReference()).isEqualTo("acct-3003");
        List<LoggedRequest> sent = endpoint.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/hooks/services/create")));
        assertThat(sent).hasSize(3).allSatisfy(request -> {
            assertThat(request.getHeader("Idempotency-Key")).isEqualTo("svc:s-flaky:create:1");
            assertThat(request.getBodyAsString()).isEqualTo(sent.get(0).getBodyAsString());
        });
        assertThat(pauses).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10));
    }

    @DbTest
    void aRefusalIsAnErrorWithTheEndpointsCodeAndMessageAndIsNotRepeated() {
        Outcome<ProvisionedService> outcome = provisioner().create(create("s-refused", "mail-99"));

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(outcome.code()).isEqualTo("plan-unknown");
        assertThat(outcome.message()).isEqualTo("There is no plan mail-99.");
        assertThat(endpoint.getAllServeEvents()).hasSize(1);
        assertThat(pauses).isEmpty();
    }

    @DbTest
    void timeOutsAreRepeatedAndThenUndefined() {
        settings.put(WebhookSettings.RETRIES, "1");
        Outcome<ProvisionedService> outcome = provisioner().create(create("s-slow", "web-10"));

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.UNDEFINED);
        assertThat(outcome.message()).contains("2 attempts").contains("300 ms");
        List<LoggedRequest> sent = endpoint.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/hooks/services/create")));
        assertThat(sent).hasSize(2).allSatisfy(request ->
                assertThat(request.getHeader("Idempotency-Key")).isEqualTo("svc:s-slow:create:1"));
    }

    @DbTest
    void noConnectionIsUndefinedAndSoIsAMissingConfiguration() {
        try (ServerSocket free = new ServerSocket(0)) {
            settings.put(WebhookSettings.BASE_URL, "http://127.0.0.1:" + free.getLocalPort() + "/hooks");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(provisioner().create(create("s-ok", "mail-5")).status()).isEqualTo(OutcomeStatus.UNDEFINED);
        assertThat(pauses).hasSize(2);

        settings.remove(WebhookSettings.SIGNING_SECRET);
        Outcome<ProvisionedService> unconfigured = provisioner().create(create("s-ok", "mail-5"));
        assertThat(unconfigured.status()).isEqualTo(OutcomeStatus.UNDEFINED);
        assertThat(unconfigured.message()).contains("not configured");
    }

    @DbTest
    void suspendUnsuspendTerminateAndChangePlanPostTheirActionWithTheReference() {
        WebhookProvisioner provisioner = provisioner();
        assertThat(provisioner.suspend(action("suspend", "dunning")).status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(provisioner.unsuspend(action("unsuspend", "paid")).status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(provisioner.changePlan(new ChangePlan(IdempotencyKey.of("svc:s-ok:change-plan:1"), "s-ok",
                "acct-1001", "mail-5", "mail-25")).status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(provisioner.terminate(action("terminate", "cancelled")).status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(endpoint.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/hooks/services/change-plan")))
                .get(0).getBodyAsString()).contains("\"toPlan\":\"mail-25\"").contains("\"fromPlan\":\"mail-5\"");
        assertThat(endpoint.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/hooks/services/suspend")))
                .get(0).getBodyAsString()).contains("\"reason\":\"dunning\"");
    }

    @DbTest
    void theConnectionTestPassesWhenTheEndpointTakesTheSignature() {
        ConnectionTestResult result = new WebhookSettings(context()).testConnection(context().settings());
        assertThat(result.succeeded()).as(result.message()).isTrue();

        Map<String, String> missing = new HashMap<>(settings);
        missing.remove(WebhookSettings.BASE_URL);
        assertThat(new WebhookSettings(context()).testConnection(context().withSettings(missing).settings()).succeeded())
                .isFalse();
    }

    @DbTest
    void aSignedConfirmationIsRecordedOnceAndTheStatusAnswersFromItWithoutAskingTheEndpoint() {
        Confirmations confirmations = new Confirmations(context());
        String body = "{\"key\":\"svc:s-called:create:1\",\"status\":\"active\",\"reference\":\"acct-9\","
                + "\"details\":{\"panel\":\"https://panel.example.net/9\",\"password\":\"x\"}}";
        long now = System.currentTimeMillis() / 1000;

        assertThat(confirmations.accept("t=" + now + ",v1=" + WebhookSignature.hmac("wrong", now + "." + body), body))
                .isEqualTo(Confirmations.Result.BAD_SIGNATURE);
        assertThat(confirmations.accept(WebhookSignature.header(SECRET, now - 600, body), body))
                .as("too old").isEqualTo(Confirmations.Result.BAD_SIGNATURE);
        assertThat(confirmations.accept(null, body)).isEqualTo(Confirmations.Result.BAD_SIGNATURE);
        assertThat(confirmations.find(IdempotencyKey.of("svc:s-called:create:1"))).isEmpty();

        assertThat(confirmations.accept(WebhookSignature.header(SECRET, now, body), body))
                .isEqualTo(Confirmations.Result.RECORDED);
        String later = body.replace("acct-9", "acct-10");
        assertThat(confirmations.accept(WebhookSignature.header(SECRET, now, later), later))
                .as("a repeat changes nothing").isEqualTo(Confirmations.Result.RECORDED);
        String pending = "{\"key\":\"svc:s-other:create:1\",\"status\":\"pending\"}";
        assertThat(confirmations.accept(WebhookSignature.header(SECRET, now, pending), pending))
                .isEqualTo(Confirmations.Result.IGNORED);

        Outcome<ProvisionedService> status = provisioner().status(IdempotencyKey.of("svc:s-called:create:1"));
        assertThat(status.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(status.value().remoteReference()).isEqualTo("acct-9");
        assertThat(status.value().details()).containsEntry("panel", "https://panel.example.net/9")
                .doesNotContainKey("password");
        assertThat(endpoint.getAllServeEvents()).as("the endpoint was not asked").isEmpty();

        String refused = "{\"key\":\"svc:s-refused-later:create:1\",\"status\":\"failed\",\"code\":\"quota\","
                + "\"message\":\"No space left.\"}";
        confirmations.accept(WebhookSignature.header(SECRET, now, refused), refused);
        Outcome<ProvisionedService> failed = provisioner().status(IdempotencyKey.of("svc:s-refused-later:create:1"));
        assertThat(failed.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(failed.code()).isEqualTo("quota");
        assertThat(failed.message()).isEqualTo("No space left.");
    }

    @DbTest
    void theSettingsNeverShowTheSecret() {
        assertThat(WebhookConfig.of(context().settings()).toString()).doesNotContain(SECRET).contains("(set)");
    }

    private WebhookProvisioner provisioner() {
        return new WebhookProvisioner(context(), pauses::add);
    }

    private TestPluginContext context() {
        return TestPluginContext.of("provisioning-webhook", database.jdbi(), Clock.systemUTC()).withSettings(settings)
                .withHttpClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
    }

    private static CreateService create(String serviceId, String plan) {
        return new CreateService(IdempotencyKey.of("svc:" + serviceId + ":create:1"), serviceId, "mail-basic", plan,
                DomainName.of(serviceId.substring(2) + ".dk"), 1,
                new ServiceOwner("c-1", "Ida Jensen", "ida@example.dk", "da"));
    }

    private static ServiceAction action(String action, String reason) {
        return new ServiceAction(IdempotencyKey.of("svc:s-ok:" + action + ":1"), "s-ok", "acct-1001", reason);
    }
}
