package org.kontor.host.payments.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.host.payments.PaymentKind;
import org.kontor.host.payments.PaymentPurpose;

/**
 * The payment pages' messages are in all five languages, every key their templates and code name exists (one per
 * method, state, purpose and refusal), and no message with an argument holds a lone apostrophe.
 */
class PaymentMessagesTest {

    private static final Path THEME = Path.of("..", "themes", "default");
    private static final List<String> LANGUAGES = List.of("en", "da", "de", "cs", "sk");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("msg\\(\"((?:pay|payment|payments)\\.[a-z0-9A-Z_.-]*[a-zA-Z0-9])\"\\s*[,)]");
    /** What the form and {@code Payments} refuse with, each shown as pay.error.<code>. */
    private static final List<String> REFUSALS = List.of("amount-required", "amount-format", "amount-decimals",
            "amount-not-positive", "amount-exceeds-outstanding", "amount-currency", "amount-below-top-up",
            "amount-not-order-total", "choose-method", "gateway-invalid", "method-invalid", "form-expired",
            "nothing-due", "idempotency-key-reused");

    @Test
    void everyKeyIsInEveryLanguageAndNotBlank() throws IOException {
        Set<String> english = keys(load("en"));
        assertThat(english).hasSizeGreaterThan(60);
        for (String language : LANGUAGES) {
            Properties messages = load(language);
            Set<String> keys = keys(messages);
            assertThat(keys).as(language).isEqualTo(english);
            for (String key : keys) {
                String text = messages.getProperty(key);
                assertThat(text).as(language + " " + key).isNotBlank();
                if (text.contains("{0}")) {
                    assertThat(text.replace("''", "")).as(language + " " + key).doesNotContain("'");
                }
            }
        }
    }

    @Test
    void everyKeyTheTemplatesAndPagesNameExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(THEME.resolve("templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ftlh")).toList()) {
                Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        REFUSALS.forEach(code -> used.add("pay.error." + code));
        for (PaymentMethodType method : PaymentMethodType.values()) {
            used.add("payment.method." + method.name());
        }
        for (OutcomeStatus status : OutcomeStatus.values()) {
            used.add("payment.state." + PaymentViews.state(status));
            used.add("payment.explain." + PaymentViews.state(status));
        }
        used.add("payment.state.refunded");
        used.add("payment.explain.refunded");
        for (PaymentKind kind : PaymentKind.values()) {
            used.add("payment.title." + kind.name());
        }
        for (PaymentPurpose purpose : PaymentPurpose.values()) {
            String slug = PaymentPages.slug(purpose);
            used.add("payment.target." + slug);
            used.add("pay.title." + slug);
            used.add("pay.due." + slug);
        }
        for (String back : List.of("invoices", "order", "top-ups", "account")) {
            used.add("payment.back." + back);
        }
        used.add("nav.add-funds");
        List<String> missing = new ArrayList<>();
        for (String language : LANGUAGES) {
            Properties messages = load(language);
            used.stream().filter(key -> messages.getProperty(key) == null).forEach(key -> missing.add(language + ": " + key));
        }
        assertThat(missing).isEmpty();
    }

    private static Set<String> keys(Properties messages) {
        Set<String> keys = new TreeSet<>();
        messages.stringPropertyNames().stream().filter(k -> k.startsWith("pay.") || k.startsWith("payment.")
                || k.startsWith("payments.")).forEach(keys::add);
        return keys;
    }

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(THEME.resolve("messages/messages_" + language.toLowerCase(Locale.ROOT)
                + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
