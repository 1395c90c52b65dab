package org.kontor.host.billing.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.database.Database;
import org.kontor.host.billing.Invoice;
import org.kontor.host.events.RetryPolicy;
import org.kontor.host.mail.MailSender;
import org.kontor.host.mail.MailTestServer;
import org.kontor.host.mail.SmtpSettings;
import org.kontor.host.mail.SmtpTransport;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/** The notices as an SMTP server receives them: one per customer, in the customer's language. */
@DatabaseTest(migrateHost = true)
class DunningMailTest {

    private static final LocalDate DUE = LocalDate.of(2027, 3, 1);

    private final TestClock clock = TestClock.at(Instant.parse("2027-03-01T09:00:00Z"));
    private final MailTestServer server = new MailTestServer();
    private Dunnings d;

    @BeforeEach
    void setUp(Database db) {
        Dunnings.clear(db);
        d = new Dunnings(db, clock);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, MimeMessage> deliver(Database db, int expected) throws Exception {
        MailSender sender = new MailSender(db.jdbi(), new SmtpTransport(new SmtpSettings(MailTestServer.HOST, server.port(),
                null, null, false, "Kontor <noreply@kontor.example>"), Duration.ofSeconds(5), clock), clock,
                new RetryPolicy(3, Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(5)),
                Duration.ofSeconds(5), Runnable::run);
        assertThat(sender.sendDue()).isEqualTo(expected);
        assertThat(server.greenMail().waitForIncomingEmail(5_000, expected)).isTrue();
        MimeMessage[] received = server.greenMail().getReceivedMessages();
        assertThat(received).hasSize(expected);
        server.greenMail().purgeEmailFromAllMailboxes();
        return Arrays.stream(received).collect(Collectors.toMap(DunningMailTest::recipient, m -> m));
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof String text) {
            return text.replace("\r\n", "\n");
        }
        jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) content;
        return String.valueOf(multipart.getBodyPart(0).getContent()).replace("\r\n", "\n");
    }

    @DbTest
    void eachCustomerGetsOneNoticeInTheirLanguage(Database db) throws Exception {
        d.customer("jens", "da");
        d.customer("erika", "de");
        d.customer("jana", "cs");
        Invoice jens1 = d.invoice("jens", "1000.00", "DKK", DUE);
        Invoice jens2 = d.invoice("jens", "1250.00", "DKK", DUE.plusDays(1));
        Invoice erika = d.invoice("erika", "1234.50", "EUR", DUE);
        d.invoice("jana", "500.00", "EUR", DUE);
        d.on(LocalDate.of(2027, 3, 9));
        d.runs.run(false);

        Map<String, MimeMessage> reminders = deliver(db, 3);

        MimeMessage danish = reminders.get("jens@example.com");
        assertThat(danish.getSubject()).isEqualTo("Venlig påmindelse om betaling");
        assertThat(text(danish)).startsWith("Kære Customer jens\n")
                .contains("Faktura " + jens1.number() + ", forfald ")
                .contains("udestående 1.000,00 DKK, rykkergebyrer 0,00 DKK, renter 0,00 DKK, at betale 1.000,00 DKK")
                .contains("Faktura " + jens2.number())
                .contains("I alt at betale: 2.250,00 DKK")
                .contains("IBAN DK5000400440116243")
                .contains("Med venlig hilsen\nKontor ApS");
        assertThat(danish.getReplyTo()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("billing@kontor.example");
        assertThat(reminders.get("erika@example.com").getSubject()).isEqualTo("Freundliche Zahlungserinnerung");
        assertThat(text(reminders.get("erika@example.com"))).startsWith("Guten Tag Customer erika,")
                .contains("Rechnung " + erika.number()).contains("offen 1.234,50 EUR");
        assertThat(reminders.get("jana@example.com").getSubject()).isEqualTo("Přátelská připomínka platby");
        assertThat(text(reminders.get("jana@example.com"))).contains("Celkem k úhradě: 500,00 EUR");

        d.on(LocalDate.of(2027, 3, 23));
        d.runs.run(false);
        Map<String, MimeMessage> first = deliver(db, 3);
        assertThat(first.get("jens@example.com").getSubject()).isEqualTo("Forfaldne fakturaer: første rykker");
        // 1000.00 × 8.27 % × 14 / 365 = 3.17; 1250.00 × 8.27 % × 14 / 365 = 3.965068… → 3.97
        assertThat(text(first.get("jens@example.com")))
                .contains("rykkergebyrer 100,00 DKK, renter 3,17 DKK, at betale 1.103,17 DKK")
                .contains("rykkergebyrer 100,00 DKK, renter 3,97 DKK, at betale 1.353,97 DKK");
        assertThat(first.get("erika@example.com").getSubject()).isEqualTo("Überfällige Rechnungen: erste Mahnung");
    }
}
