package org.kontor.host.billing.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.api.billing.PostalLetter;
import org.kontor.database.Database;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.Series;
import org.kontor.host.billing.profile.BillingProfile;
import org.kontor.host.billing.profile.Delivery;
import org.kontor.host.customers.Customer;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * Issued documents reach the customer by e-mail with the PDF, exactly once, and by letter post when asked for (BIL-2,
 * BIL-5): over a real database, the real mail queue and sender against GreenMail, and the default theme's PDF.
 */
@DatabaseTest(migrateHost = true)
class InvoiceDeliveriesTest {

    @TempDir
    Path temp;

    private DeliveryFixture fixture;

    @BeforeEach
    void start(Database db) throws Exception {
        fixture = new DeliveryFixture(db, DeliveryFixture.themesFolder(temp));
        fixture.forgetEarlierTests();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @DbTest
    void theInvoiceArrivesOnceWithItsPdfEvenWhenDeliveredTwiceAtOnce(Database db) throws Exception {
        Customer customer = fixture.customer(Delivery.EMAIL, false, "bogholderi@example.dk");
        Invoice invoice = fixture.issue(customer, Series.INVOICE);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch ready = new CountDownLatch(2);
        Callable<List<DeliveryLogEntry>> deliver = () -> {
            ready.countDown();
            ready.await(5, TimeUnit.SECONDS);
            return fixture.deliveries.deliver(invoice.id());
        };
        Future<List<DeliveryLogEntry>> first = threads.submit(deliver);
        Future<List<DeliveryLogEntry>> second = threads.submit(deliver);
        first.get(60, TimeUnit.SECONDS);
        second.get(60, TimeUnit.SECONDS);
        threads.shutdown();
        fixture.deliveries.deliver(invoice.id());
        fixture.mailSender.sendDue();
        fixture.deliveries.runDue();
        fixture.mailSender.sendDue();

        MimeMessage[] received = fixture.smtp.greenMail().getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("bogholderi@example.dk");
        assertThat(mail.getSubject()).isEqualTo("Faktura " + invoice.number() + " fra Kontor ApS");
        Part pdf = attachment(mail);
        assertThat(pdf.getFileName()).isEqualTo(invoice.number() + ".pdf");
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        try (InputStream in = pdf.getInputStream(); PDDocument document = Loader.loadPDF(in.readAllBytes())) {
            assertThat(new PDFTextStripper().getText(document)).contains(invoice.number(), "Karen Kunde");
        }
        assertThat(text(mail)).contains("Kære Karen Kunde", "faktura " + invoice.number(), "111,25 DKK");
        assertThat(fixture.mailRows(invoice.number())).as("queued once").isEqualTo(1);

        List<DeliveryLogEntry> log = fixture.deliveries.deliveries(invoice.id());
        assertThat(log).singleElement().satisfies(entry -> {
            assertThat(entry.channel()).isEqualTo(DeliveryChannel.EMAIL);
            assertThat(entry.round()).isZero();
            assertThat(entry.recipient()).isEqualTo("bogholderi@example.dk");
            assertThat(entry.state()).isEqualTo(DeliveryState.SENT);
            assertThat(entry.attempts()).isEqualTo(1);
            assertThat(entry.mailId()).isNotNull();
            assertThat(entry.sentAt()).isNotNull();
        });
        assertThat(fixture.letterPost.letters).as("no letter for an e-mail-only customer").isEmpty();
    }

    @DbTest
    void eachKindOfDocumentHasItsOwnWordingAndTheSignInAddressIsTheFallback(Database db) throws Exception {
        Customer customer = fixture.customer(Delivery.EMAIL, false, null);
        Invoice advance = fixture.issue(customer, Series.ADVANCE_TAX_DOCUMENT);
        Invoice settlement = fixture.issue(customer, Series.SETTLEMENT);

        fixture.deliveries.deliver(advance.id());
        fixture.deliveries.deliver(settlement.id());
        fixture.mailSender.sendDue();

        MimeMessage[] received = fixture.smtp.greenMail().getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "Faktura " + advance.number() + " for din forudbetaling – Kontor ApS",
                "Slutfaktura " + settlement.number() + " fra Kontor ApS");
        for (MimeMessage mail : received) {
            assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(customer.email());
        }
    }

    @DbTest
    void customersExcludedFromInvoicingGetNothing(Database db) throws Exception {
        Customer customer = fixture.customer(Delivery.EMAIL_AND_POST, true, null);
        Invoice invoice = fixture.issue(customer, Series.INVOICE);

        List<DeliveryLogEntry> log = fixture.deliveries.deliver(invoice.id());
        fixture.deliveries.runDue();
        fixture.mailSender.sendDue();

        assertThat(fixture.smtp.greenMail().getReceivedMessages()).isEmpty();
        assertThat(fixture.mailRows(invoice.number())).isZero();
        assertThat(fixture.letterPost.letters).isEmpty();
        assertThat(log).singleElement().satisfies(entry -> {
            assertThat(entry.state()).isEqualTo(DeliveryState.SKIPPED);
            assertThat(entry.lastError()).contains("excluded");
        });
        assertThatThrownBy(() -> fixture.deliveries.resend(invoice.id(), null))
                .isInstanceOf(IllegalStateException.class);
    }

    @DbTest
    void aFailingMailServerIsRetriedAndTheLogSaysFailedAfterTheLastAttempt(Database db) throws Exception {
        Customer customer = fixture.customer(Delivery.EMAIL, false, null);
        Invoice invoice = fixture.issue(customer, Series.INVOICE);
        fixture.smtp.close(); // nobody listens on the port any more

        fixture.deliveries.deliver(invoice.id());
        fixture.mailSender.sendDue();
        DeliveryLogEntry retrying = fixture.deliveries.deliveries(invoice.id()).get(0);
        assertThat(retrying.state()).isEqualTo(DeliveryState.QUEUED);
        assertThat(retrying.attempts()).isEqualTo(1);
        assertThat(retrying.lastError()).isNotBlank();
        for (int attempt = 2; attempt <= DeliveryFixture.MAIL_RETRY.maxAttempts(); attempt++) {
            fixture.clock.advance(Duration.ofMinutes(5));
            assertThat(fixture.mailSender.sendDue()).as("attempt " + attempt).isEqualTo(1);
        }
        fixture.deliveries.runDue();

        DeliveryLogEntry failed = fixture.deliveries.deliveries(invoice.id()).get(0);
        assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).isNotBlank();
        assertThat(failed.sentAt()).isNull();
        fixture.clock.advance(Duration.ofHours(1));
        assertThat(fixture.mailSender.sendDue()).as("given up").isZero();
        assertThat(fixture.deliveries.runDue()).as("nothing queued again").isZero();
        assertThat(fixture.mailRows(invoice.number())).isEqualTo(1);
    }

    @DbTest
    void theJobDeliversWhatWasIssuedButNeverDeliveredWithinTheLookback(Database db) throws Exception {
        Customer customer = fixture.customer(Delivery.EMAIL, false, null);
        Invoice old = fixture.issue(customer, Series.INVOICE);
        fixture.clock.advance(Duration.ofDays(8));
        Invoice recent = fixture.issue(customer, Series.INVOICE); // the issuer crashed before delivering either

        fixture.deliveries.runDue();
        fixture.deliveries.runDue();
        fixture.mailSender.sendDue();

        assertThat(fixture.mailRows(recent.number())).isEqualTo(1);
        assertThat(fixture.mailRows(old.number())).as("older than the lookback").isZero();
        assertThat(fixture.smtp.greenMail().getReceivedMessages()).extracting(MimeMessage::getSubject)
                .containsExactly("Faktura " + recent.number() + " fra Kontor ApS");
    }

    @DbTest
    void aLetterGoesToTheProviderOncePerDocumentAndIsRetriedWithTheSameKey(Database db) throws Exception {
        Customer customer = fixture.customer(Delivery.EMAIL_AND_POST, false, null);
        Invoice invoice = fixture.issue(customer, Series.INVOICE);
        fixture.letterPost.failures.set(1);

        fixture.deliveries.deliver(invoice.id());
        DeliveryLogEntry waiting = post(fixture.deliveries.deliveries(invoice.id()));
        assertThat(waiting.state()).isEqualTo(DeliveryState.QUEUED);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).contains("print service unavailable");
        fixture.deliveries.runDue();
        assertThat(fixture.letterPost.letters).as("not due yet").isEmpty();
        fixture.clock.advance(Duration.ofSeconds(11));
        fixture.deliveries.runDue();
        fixture.deliveries.deliver(invoice.id());
        fixture.clock.advance(Duration.ofHours(1));
        fixture.deliveries.runDue();

        assertThat(fixture.letterPost.lettersFor(invoice.number())).isEqualTo(1);
        assertThat(fixture.letterPost.keysSeen).hasSize(2).allMatch(key -> key.equals(fixture.letterPost.keysSeen.get(0)));
        PostalLetter letter = fixture.letterPost.letters.get(0);
        assertThat(letter.recipient().lines()).containsExactly("Karen Kunde", "Æblevej 12", "8000 Aarhus C", "DENMARK");
        assertThat(letter.language()).isEqualTo("da");
        try (PDDocument document = Loader.loadPDF(letter.pdf())) {
            assertThat(new PDFTextStripper().getText(document)).contains(invoice.number());
        }
        DeliveryLogEntry sent = post(fixture.deliveries.deliveries(invoice.id()));
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(sent.provider()).isEqualTo("test-post");
        assertThat(sent.providerReference()).isEqualTo("REF-" + letter.idempotencyKey().hashCode());
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.recipient()).isEqualTo("Karen Kunde, Æblevej 12, 8000 Aarhus C, DK");
        fixture.mailSender.sendDue();
        assertThat(fixture.smtp.greenMail().getReceivedMessages()).as("and the e-mail as well").hasSize(1);
    }

    @DbTest
    void aLetterIsFailedWhenNoProviderIsSetAndGivenUpAfterTheLastAttempt(Database db) throws Exception {
        fixture.provider.set(null);
        Customer customer = fixture.customer(Delivery.EMAIL_AND_POST, false, null);
        Invoice unset = fixture.issue(customer, Series.INVOICE);
        fixture.deliveries.deliver(unset.id());
        assertThat(post(fixture.deliveries.deliveries(unset.id()))).satisfies(entry -> {
            assertThat(entry.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(entry.lastError()).contains("billing.letter-post.provider");
        });

        fixture.provider.set("stopped-post"); // configured, but no such plugin runs
        Invoice stopped = fixture.issue(customer, Series.INVOICE);
        fixture.deliveries.deliver(stopped.id());
        for (int i = 0; i < 5; i++) {
            fixture.clock.advance(Duration.ofMinutes(5));
            fixture.deliveries.runDue();
        }
        assertThat(post(fixture.deliveries.deliveries(stopped.id()))).satisfies(entry -> {
            assertThat(entry.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(entry.attempts()).isEqualTo(DeliveryFixture.LETTER_RETRY.maxAttempts());
            assertThat(entry.lastError()).contains("stopped-post is not running");
        });
    }

    @DbTest
    void aResendIsANewRoundToTheCurrentAddress(Database db) throws Exception {
        Customer customer = fixture.customer(Delivery.EMAIL, false, null);
        Invoice invoice = fixture.issue(customer, Series.CREDIT_NOTE);
        fixture.deliveries.deliver(invoice.id());
        BillingProfile profile = fixture.profiles.of(customer.id());
        fixture.profiles.save(new BillingProfile(profile.customerId(), profile.street(), profile.postalCode(),
                profile.city(), profile.vatId(), profile.registrationNumber(), "ny@example.dk", profile.delivery(),
                profile.invoicingExcluded(), profile.dunningExcluded()));

        List<DeliveryLogEntry> added = fixture.deliveries.resend(invoice.id(), DeliveryChannel.EMAIL);
        fixture.mailSender.sendDue();

        assertThat(added).singleElement().satisfies(entry -> {
            assertThat(entry.round()).isEqualTo(1);
            assertThat(entry.recipient()).isEqualTo("ny@example.dk");
        });
        assertThat(fixture.smtp.greenMail().getReceivedMessages()).extracting(mail -> mail.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrder(customer.email(), "ny@example.dk");
        assertThat(fixture.smtp.greenMail().getReceivedMessages()[0].getSubject())
                .isEqualTo("Kreditnota " + invoice.number() + " fra Kontor ApS");
        assertThatThrownBy(() -> fixture.deliveries.deliver("no-such-invoice"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static DeliveryLogEntry post(List<DeliveryLogEntry> log) {
        return log.stream().filter(entry -> entry.channel() == DeliveryChannel.POST).findFirst().orElseThrow();
    }

    private static Part attachment(MimeMessage mail) throws Exception {
        Multipart mixed = (Multipart) mail.getContent();
        for (int i = 0; i < mixed.getCount(); i++) {
            BodyPart part = mixed.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part;
            }
        }
        throw new AssertionError("no attachment");
    }

    private static String text(MimeMessage mail) throws Exception {
        Multipart mixed = (Multipart) mail.getContent();
        return (String) mixed.getBodyPart(0).getContent();
    }
}
