package org.kontor.host.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.host.config.KontorConfig;

class MailSettingsTest {

    @Test
    void toStringNeverShowsThePassword() {
        SmtpSettings settings = new SmtpSettings("smtp.example.dk", 587, "kontor", "hunter2-secret", true,
                "Kontor <noreply@example.dk>");
        assertThat(settings.toString()).doesNotContain("hunter2-secret").contains("smtp.example.dk", "587", "kontor", "********");
        assertThat(settings.authenticates()).isTrue();
    }

    @Test
    void aBlankUserMeansNoAuthenticationAndDropsThePassword() {
        SmtpSettings settings = SmtpSettings.from(KontorConfig.of(Map.of("mail.smtp.host", "localhost",
                "mail.smtp.port", "2525", "mail.smtp.user", " ", "mail.smtp.password", "left-over",
                "mail.smtp.starttls", "false", "mail.from", "Kontor <noreply@localhost>")));
        assertThat(settings.authenticates()).isFalse();
        assertThat(settings.password()).isNull();
        assertThat(settings.port()).isEqualTo(2525);
        assertThat(settings.startTls()).isFalse();
    }

    @Test
    void anInvalidSenderOrPortIsRefused() {
        assertThatThrownBy(() -> new SmtpSettings("localhost", 25, null, null, false, "no address"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no address");
        assertThatThrownBy(() -> new SmtpSettings("localhost", 0, null, null, false, "a@example.dk"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
    }
}
