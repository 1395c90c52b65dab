package org.kontor.host.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.kontor.host.orders.InputError;
import org.kontor.host.orders.OrderInputException;

/** A refused file becomes an input error on the field with code smd-&lt;reason&gt;, which has a message in five languages. */
class SignedMarkChecksTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void anAcceptedFileGivesTheEncodedSignedMarkAndARefusedOneAnInputErrorOnTheField() {
        TestSmds.Issuer ca = TestSmds.authority("CA", NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(900)));
        TestSmds.Issuer signer = TestSmds.signer(ca, "Signer", NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(900)));
        String file = TestSmds.smd("Kontor", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(100)), "kontor")
                .file(signer);
        SignedMarkChecks checks = new SignedMarkChecks(new SmdValidator(
                new TmchTrust(List.of(ca.certificate()), Optional.empty(), Optional.empty())));
        SignedMarkChecks unconfigured = new SignedMarkChecks(new SmdValidator(
                new TmchTrust(List.of(), Optional.empty(), Optional.empty())));

        assertThat(checks.check("items[0].signedMark", file, "kontor", NOW)).isEqualTo(SmdFile.parse(file).encodedSignedMark());
        InputError notCovered = refusal(() -> checks.check("items[0].signedMark", file, "brand", NOW));
        assertThat(notCovered.field()).isEqualTo("items[0].signedMark");
        assertThat(notCovered.code()).isEqualTo("smd-label-not-covered");
        assertThat(notCovered.messageKey()).isEqualTo("order.error.smd-label-not-covered");
        assertThat(notCovered.args()).containsExactly("brand");
        assertThat(notCovered.message()).contains("brand");
        assertThat(refusal(() -> unconfigured.check("signedMark", file, "kontor", NOW)).code()).isEqualTo("smd-unavailable");
    }

    @Test
    void everyReasonHasATranslatedMessage() throws IOException {
        Properties english = messages("en");
        for (String language : List.of("en", "da", "de", "cs", "sk")) {
            Properties translated = messages(language);
            for (SmdRefusal reason : SmdRefusal.values()) {
                String key = "order.error.smd-" + reason.code();
                String text = translated.getProperty(key);
                assertThat(text).as(language + " " + key).isNotBlank();
                if (!language.equals("en")) {
                    assertThat(text).as(language + " " + key + " is translated").isNotEqualTo(english.getProperty(key));
                }
            }
            String notCovered = translated.getProperty("order.error.smd-label-not-covered");
            assertThat(new MessageFormat(notCovered, Locale.forLanguageTag(language)).format(new Object[] {"kontor"}))
                    .contains("kontor");
        }
    }

    private static InputError refusal(Runnable check) {
        OrderInputException e = catchThrowableOfType(check::run, OrderInputException.class);
        assertThat(e).isNotNull();
        assertThat(e.errors()).hasSize(1);
        return e.errors().get(0);
    }

    private static Properties messages(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = SignedMarkChecksTest.class.getClassLoader()
                .getResourceAsStream("themes/default/messages/messages_" + language + ".properties")) {
            assertThat(in).as(language).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
