package org.kontor.plugins.vies;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.api.tax.VatIdCheck;
import org.kontor.api.tax.VatIdStatus;
import org.slf4j.LoggerFactory;

/** The VIES validator against a local WireMock server answering as VIES did (valid, invalid, down, slow). */
class ViesVatIdValidatorTest {

    private static final String PATH = "/taxation_customs/vies/rest-api/check-vat-number";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-15T10:00:00Z"), ZoneOffset.UTC);

    private WireMockServer vies;
    private final Map<String, String> settings = new HashMap<>();
    private ViesVatIdValidator validator;

    @BeforeEach
    void start() {
        vies = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        vies.start();
        settings.put(ViesSettings.BASE_URL, "http://127.0.0.1:" + vies.port() + "/taxation_customs/vies/rest-api/");
        settings.put(ViesSettings.TIMEOUT_SECONDS, "1");
        validator = new ViesVatIdValidator(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
                key -> Optional.ofNullable(settings.get(key)), CLOCK, LoggerFactory.getLogger("plugin.vies"));
    }

    @AfterEach
    void stop() {
        vies.stop();
    }

    private void answer(String vatNumber, int status, String recording) {
        vies.stubFor(post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.vatNumber", equalTo(vatNumber)))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(recorded(recording))));
    }

    private static String recorded(String name) {
        try (InputStream in = ViesVatIdValidatorTest.class.getResourceAsStream("/vies/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aValidNumberComesWithTheHoldersNameAddressAndTheConsultationNumber() {
        answer("811907980", 200, "valid.json");
        settings.put(ViesSettings.REQUESTER_VAT_ID, "DK 13 58 56 28");

        VatIdCheck check = validator.validate("DE", "de 811.907.980");

        assertThat(check.status()).isEqualTo(VatIdStatus.VALID);
        assertThat(check.vatId()).isEqualTo("DE811907980");
        assertThat(check.holderName()).isEqualTo("Muster GmbH");
        assertThat(check.holderAddress()).isEqualTo("Hauptstraße 5\n10115 Berlin");
        assertThat(check.reference()).isEqualTo("WAPIAAAAZ5xQ2r1T");
        assertThat(check.checkedAt()).isEqualTo(CLOCK.instant());
        vies.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson(
                "{\"countryCode\": \"DE\", \"vatNumber\": \"811907980\", \"requesterMemberStateCode\": \"DK\", "
                        + "\"requesterNumber\": \"13585628\"}")));
    }

    @Test
    void aValidNumberWhoseStateWithholdsTheNameHasNone() {
        answer("B12345678", 200, "valid-withheld.json");

        VatIdCheck check = validator.validate("ES", "ESB12345678");

        assertThat(check.status()).isEqualTo(VatIdStatus.VALID);
        assertThat(check.holderName()).isNull();
        assertThat(check.holderAddress()).isNull();
        assertThat(check.reference()).isNull();
    }

    @Test
    void anUnknownNumberIsInvalid() {
        answer("99999999", 200, "invalid.json");

        VatIdCheck check = validator.validate("DK", "DK99999999");

        assertThat(check.status()).isEqualTo(VatIdStatus.INVALID);
        assertThat(check.vatId()).isEqualTo("DK99999999");
    }

    @Test
    void inputVIESRefusesIsInvalid() {
        answer("X", 400, "invalid-input.json");

        assertThat(validator.validate("DE", "X").status()).isEqualTo(VatIdStatus.INVALID);
        assertThat(validator.validate("D1", "123").status()).as("no country, no call").isEqualTo(VatIdStatus.INVALID);
    }

    @Test
    void aMemberStateThatIsDownIsUnavailable() {
        answer("12345678", 200, "ms-unavailable.json");

        VatIdCheck check = validator.validate("CZ", "CZ12345678");

        assertThat(check.status()).isEqualTo(VatIdStatus.UNAVAILABLE);
        assertThat(check.vatId()).isEqualTo("CZ12345678");
    }

    @Test
    void aServerErrorOrAnUnreadableAnswerIsUnavailable() {
        vies.stubFor(post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.vatNumber", equalTo("11111111")))
                .willReturn(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>")));
        vies.stubFor(post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.vatNumber", equalTo("22222222")))
                .willReturn(aResponse().withStatus(200).withBody("not json")));

        assertThat(validator.validate("DK", "11111111").status()).isEqualTo(VatIdStatus.UNAVAILABLE);
        assertThat(validator.validate("DK", "22222222").status()).isEqualTo(VatIdStatus.UNAVAILABLE);
    }

    @Test
    void noAnswerWithinTheTimeLimitIsUnavailable() {
        vies.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(recorded("valid.json"))
                .withFixedDelay(3000)));

        long start = System.nanoTime();
        VatIdCheck check = validator.validate("DE", "811907980");

        assertThat(check.status()).isEqualTo(VatIdStatus.UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void noServerAtAllIsUnavailableNotAnException() {
        vies.stop();

        assertThat(validator.validate("DE", "811907980").status()).isEqualTo(VatIdStatus.UNAVAILABLE);
    }

    @Test
    void greeceIsElInVies() {
        answer("094259216", 200, "invalid.json");

        assertThat(validator.validate("GR", "EL094259216").vatId()).isEqualTo("EL094259216");
        vies.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.countryCode", equalTo("EL"))));
        assertThat(validator.validatorId()).isEqualTo("vies");
    }
}
