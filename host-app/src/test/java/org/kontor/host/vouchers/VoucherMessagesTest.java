package org.kontor.host.vouchers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every refusal has a message in each of the five languages, translated, and the minimum fills its placeholder. */
class VoucherMessagesTest {

    static Properties messages(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VoucherMessagesTest.class.getClassLoader()
                .getResourceAsStream("themes/default/messages/messages_" + language + ".properties")) {
            assertThat(in).as(language).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyRefusalHasATranslatedMessage() throws IOException {
        Properties english = messages("en");
        for (String language : List.of("en", "da", "de", "cs", "sk")) {
            Properties translated = messages(language);
            for (VoucherRefusal reason : VoucherRefusal.values()) {
                String text = translated.getProperty(reason.messageKey());
                assertThat(text).as(language + " " + reason.messageKey()).isNotBlank();
                if (!language.equals("en")) {
                    assertThat(text).as(language + " " + reason.messageKey() + " is translated")
                            .isNotEqualTo(english.getProperty(reason.messageKey()));
                }
            }
            String minimum = translated.getProperty(VoucherRefusal.MINIMUM_NOT_REACHED.messageKey());
            assertThat(new MessageFormat(minimum, Locale.forLanguageTag(language)).format(new Object[] {"200.00 DKK"}))
                    .contains("200.00 DKK");
        }
    }
}
