package org.kontor.host.mail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.mail.MailAttachment;
import org.kontor.api.mail.MailMessage;
import org.kontor.database.Database;
import org.kontor.host.events.RetryPolicy;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

@DatabaseTest(migrateHost = true)
class MailQueueTest {

    private static final RetryPolicy RETRY =
            new RetryPolicy(3, Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(5));
    private static final byte[] PDF = "%PDF-1.4 invoice 2030-0001".getBytes(UTF_8);

    private final TestClock clock = TestClock.fixed();
    private final MailTestServer server = new MailTestServer();
    private QueuedMailer mailer;

    @BeforeEach
    void setUp(Database db) {
        db.jdbi().useHandle(h -> {
            h.execute("DELETE FROM mail_attachment");
            h.execute("DELETE FROM mail_queue");
        });
        server.start();
        mailer = new QueuedMailer(db.jdbi(), clock, id -> { }); // the tests run the sender themselves
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @DbTest
    void aQueuedMailIsDeliveredWithBothBodiesAndAnAttachment(Database db) throws Exception {
        String id = mailer.send(new MailMessage(List.of("jane@example.dk"), "Your invoice", "Amount due: 100 DKK",
                "<p>Amount due: <b>100 DKK</b></p>", "billing@example.dk",
                List.of(new MailAttachment("invoice.pdf", "application/pdf", PDF))));
        assertThat(server.greenMail().getReceivedMessages()).as("nothing before the sender runs").isEmpty();
        assertThat(row(db, id).status()).isEqualTo("QUEUED");

        assertThat(sender(db, server.port()).sendDue()).isEqualTo(1);

        MimeMessage received = onlyReceived();
        assertThat(received.getSubject()).isEqualTo("Your invoice");
        assertThat(received.getMessageID()).isEqualTo("<" + id + "@example.dk>");
        assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo("noreply@example.dk");
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Kontor");
        assertThat(received.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("jane@example.dk");
        assertThat(received.getReplyTo()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("billing@example.dk");
        MimeMultipart mixed = (MimeMultipart) received.getContent();
        assertThat(mixed.getContentType()).startsWith("multipart/mixed");
        assertThat(mixed.getCount()).isEqualTo(2);
        MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(alternative.getBodyPart(0).getContent()).isEqualTo("Amount due: 100 DKK");
        assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(alternative.getBodyPart(1).getContent()).isEqualTo("<p>Amount due: <b>100 DKK</b></p>");
        MimeBodyPart attachment = (MimeBodyPart) mixed.getBodyPart(1);
        assertThat(attachment.getDisposition()).isEqualTo("attachment");
        assertThat(attachment.getFileName()).isEqualTo("invoice.pdf");
        assertThat(attachment.isMimeType("application/pdf")).isTrue();
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(PDF);

        Row row = row(db, id);
        assertThat(row.status()).isEqualTo("SENT");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.sentAt()).isEqualTo(clock.instant().toEpochMilli());
        assertThat(sender(db, server.port()).sendDue()).as("sent once").isZero();
    }

    @DbTest
    void utf8SubjectBodiesNamesAndFileNamesSurvive(Database db) throws Exception {
        mailer.send(new MailMessage(List.of("Jørgen Ærø <jorgen@example.dk>"), "Faktura æøå ž – 2030",
                "Hej Søren, blåbærgrød ž", "<p>Kære kunde: æøå ž</p>", null,
                List.of(new MailAttachment("faktura-æøå.pdf", "application/pdf", PDF))));
        sender(db, server.port()).sendDue();

        MimeMessage received = onlyReceived();
        assertThat(received.getSubject()).isEqualTo("Faktura æøå ž – 2030");
        assertThat(((InternetAddress) received.getRecipients(Message.RecipientType.TO)[0]).getPersonal())
                .isEqualTo("Jørgen Ærø");
        MimeMultipart mixed = (MimeMultipart) received.getContent();
        MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getBodyPart(0).getContent()).isEqualTo("Hej Søren, blåbærgrød ž");
        assertThat(alternative.getBodyPart(1).getContent()).isEqualTo("<p>Kære kunde: æøå ž</p>");
        assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("faktura-æøå.pdf");
        assertThat(received.getReplyTo()).extracting(a -> ((InternetAddress) a).getAddress())
                .as("defaults to the sender").containsExactly("noreply@example.dk");
    }

    @DbTest
    void aMailQueuedInARolledBackTransactionIsNeverSent(Database db) {
        MailSender sender = sender(db, server.port());
        QueuedMailer nudging = new QueuedMailer(db.jdbi(), clock, sender::sendLater); // sendLater runs inline
        assertThatThrownBy(() -> db.jdbi().useTransaction(h -> {
            nudging.send(h, MailMessage.text("jane@example.dk", "Order 17 confirmed", "Thank you"));
            throw new IllegalStateException("order rolled back");
        })).hasMessage("order rolled back");

        assertThat(sender.sendDue()).isZero();
        assertThat(server.greenMail().getReceivedMessages()).isEmpty();
        assertThat(count(db, "SELECT COUNT(*) FROM mail_queue")).isZero();

        db.jdbi().useTransaction(h -> {
            nudging.send(h, MailMessage.text("jane@example.dk", "Order 18 confirmed", "Thank you"));
            assertThat(server.greenMail().getReceivedMessages()).as("not before commit").isEmpty();
        });
        assertThat(server.greenMail().getReceivedMessages()).as("sent right after commit")
                .extracting(MimeMessage::getSubject).containsExactly("Order 18 confirmed");
    }

    @DbTest
    void whileTheServerIsDownTheMailWaitsAndIsDeliveredOnceItIsUp(Database db) throws Exception {
        server.close();
        MailSender sender = sender(db, server.port());
        String id = mailer.send(MailMessage.text("jane@example.dk", "Renewal reminder", "example.dk expires soon"));

        assertThat(sender.sendDue()).isEqualTo(1);
        Row failed = row(db, id);
        assertThat(failed.status()).isEqualTo("QUEUED");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.nextAttemptAt()).isEqualTo(clock.instant().plus(RETRY.firstDelay()).toEpochMilli());
        assertThat(failed.lastError()).isNotBlank();

        clock.advance(RETRY.firstDelay().minusSeconds(1));
        assertThat(sender.sendDue()).as("not before the back-off").isZero();

        server.start();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(onlyReceived().getMessageID()).isEqualTo("<" + id + "@example.dk>");
        Row sent = row(db, id);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.lastError()).isNull();
    }

    @DbTest
    void afterTheLastFailedAttemptTheMailIsFailed(Database db) {
        server.close();
        MailSender sender = sender(db, server.port());
        String id = mailer.send(MailMessage.text("jane@example.dk", "Hello", "Body"));
        for (int attempt = 1; attempt <= RETRY.maxAttempts(); attempt++) {
            assertThat(sender.sendDue()).as("attempt %d", attempt).isEqualTo(1);
            clock.advance(RETRY.maxDelay());
        }
        assertThat(row(db, id).status()).isEqualTo("FAILED");
        assertThat(row(db, id).attempts()).isEqualTo(RETRY.maxAttempts());
        assertThat(sender.sendDue()).isZero();
    }

    @DbTest
    void twoSendersOnOneDatabaseDeliverEachMailOnce(Database db) throws Exception {
        int mails = 12;
        for (int i = 0; i < mails; i++) {
            mailer.send(MailMessage.text("customer" + i + "@example.dk", "Mail " + i, "Body " + i));
        }
        List<MailSender> senders = List.of(sender(db, server.port()), sender(db, server.port()));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<Integer>> claims = new ArrayList<>();
            for (MailSender sender : senders) {
                claims.add(threads.submit((Callable<Integer>) () -> {
                    together.await();
                    return sender.sendDue();
                }));
            }
            assertThat(claims.get(0).get() + claims.get(1).get()).isEqualTo(mails);
        } finally {
            threads.shutdownNow();
        }
        MimeMessage[] received = server.greenMail().getReceivedMessages();
        assertThat(received).hasSize(mails);
        Set<String> subjects = Arrays.stream(received).map(MailQueueTest::subject).collect(Collectors.toSet());
        assertThat(subjects).hasSize(mails);
        assertThat(count(db, "SELECT COUNT(*) FROM mail_queue WHERE status = 'SENT' AND attempts = 1")).isEqualTo(mails);
    }

    @DbTest
    void anInvalidRecipientIsRefusedByName(Database db) {
        assertThatThrownBy(() -> mailer.send(new MailMessage(List.of("jane@example.dk", "not an address"), "Hi",
                "Body", null, null, List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an address");
        assertThatThrownBy(() -> mailer.send(MailMessage.text("jane@example.dk, evil@example.com", "Hi", "Body")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jane@example.dk, evil@example.com");
        assertThatThrownBy(() -> db.jdbi().useTransaction(h -> mailer.send(h,
                MailMessage.text("jane@example.dk\r\nBcc: evil@example.com", "Hi", "Body"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("evil@example.com");
        assertThatThrownBy(() -> mailer.send(new MailMessage(List.of("jane@example.dk"), "Hi", "Body", null,
                "nobody", List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
        assertThat(count(db, "SELECT COUNT(*) FROM mail_queue")).isZero();
    }

    private MailSender sender(Database db, int port) {
        SmtpSettings settings = new SmtpSettings(MailTestServer.HOST, port, null, null, false,
                "Kontor <noreply@example.dk>");
        return new MailSender(db.jdbi(), new SmtpTransport(settings, Duration.ofSeconds(5), clock), clock, RETRY,
                Duration.ofSeconds(5), Runnable::run);
    }

    private MimeMessage onlyReceived() {
        assertThat(server.greenMail().waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] received = server.greenMail().getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static Row row(Database db, String id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT status, attempts, next_attempt_at, last_error, sent_at "
                        + "FROM mail_queue WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Row(rs.getString("status"), rs.getInt("attempts"), rs.getLong("next_attempt_at"),
                        rs.getString("last_error"), sentAt(rs.getLong("sent_at"), rs.wasNull())))
                .one());
    }

    private static Long sentAt(long millis, boolean wasNull) {
        return wasNull ? null : millis;
    }

    private record Row(String status, int attempts, long nextAttemptAt, String lastError, Long sentAt) {
    }
}
