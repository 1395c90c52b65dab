package org.kontor.host.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.api.mail.MailMessage;
import org.kontor.testkit.TestClock;

class MailTransportTest {

    private final TestClock clock = TestClock.fixed();
    private final MailTestServer server =
            new MailTestServer(GreenMailConfiguration.aConfig().withUser("kontor@example.dk", "kontor", "s3cret"));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void logsInWhenAUserIsSetAndFailsWithAWrongPassword() throws Exception {
        server.start();
        transport("kontor", "s3cret").send("mail-1", MailMessage.text("jane@example.dk", "Hello", "Body"));
        assertThat(server.greenMail().getReceivedMessages()).hasSize(1);

        assertThatThrownBy(() -> transport("kontor", "wrong").send("mail-2", MailMessage.text("jane@example.dk", "Hi", "B")))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(server.greenMail().getReceivedMessages()).hasSize(1);
    }

    @Test
    void aSingleBodyIsNotMultipartAndLineBreaksCannotAddHeaders() throws Exception {
        SmtpTransport transport = transport(null, null);
        MimeMessage html = transport.toMime("mail-3", new MailMessage(java.util.List.of("jane@example.dk"),
                "Order 17\r\nBcc: evil@example.com", null, "<p>Hi</p>", null, null));
        assertThat(html.isMimeType("text/html")).isTrue();
        assertThat(html.getContent()).isEqualTo("<p>Hi</p>");
        assertThat(html.getHeader("Bcc")).isNull();
        assertThat(html.getSubject()).isEqualTo("Order 17 Bcc: evil@example.com");
        assertThat(html.getMessageID()).isEqualTo("<mail-3@example.dk>");

        MimeMessage text = transport.toMime("mail-4", MailMessage.text("jane@example.dk", "Hi", "Plain ž"));
        assertThat(text.isMimeType("text/plain")).isTrue();
        assertThat(text.getContentType()).containsIgnoringCase("charset=UTF-8");
    }

    private SmtpTransport transport(String user, String password) {
        return new SmtpTransport(new SmtpSettings(MailTestServer.HOST, server.port(), user, password, false,
                "Kontor <noreply@example.dk>"), Duration.ofSeconds(5), clock);
    }
}
