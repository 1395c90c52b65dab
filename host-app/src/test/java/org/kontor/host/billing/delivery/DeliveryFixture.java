package org.kontor.host.billing.delivery;

import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.kontor.api.billing.DeliveryReceipt;
import org.kontor.api.billing.InvoiceDelivery;
import org.kontor.api.billing.PostalLetter;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.host.billing.DraftLine;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceNumbers;
import org.kontor.host.billing.InvoiceStore;
import org.kontor.host.billing.IssueTerms;
import org.kontor.host.billing.NewDraft;
import org.kontor.host.billing.Party;
import org.kontor.host.billing.Seller;
import org.kontor.host.billing.Series;
import org.kontor.host.billing.VatTreatment;
import org.kontor.host.billing.pdf.InvoicePdf;
import org.kontor.host.billing.profile.BillingProfile;
import org.kontor.host.billing.profile.BillingProfiles;
import org.kontor.host.billing.profile.Delivery;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.Customers;
import org.kontor.host.security.LoginThrottle;
import org.kontor.host.security.PasswordHasher;
import org.kontor.host.customers.SignUp;
import org.kontor.host.events.RetryPolicy;
import org.kontor.host.i18n.SupportedLanguages;
import org.kontor.host.mail.MailSender;
import org.kontor.host.mail.MailTestServer;
import org.kontor.host.mail.QueuedMailer;
import org.kontor.host.mail.SmtpSettings;
import org.kontor.host.mail.SmtpTransport;
import org.kontor.host.plugins.FakeExtensions;
import org.kontor.host.plugins.PluginResources;
import org.kontor.host.themes.ActiveTheme;
import org.kontor.host.themes.ThemeEngine;
import org.kontor.host.themes.ThemeRegistry;
import org.kontor.testkit.TestClock;

/**
 * The delivery service over a real database, the real mail queue and sender against a GreenMail server, the default
 * theme's PDF and texts, and a letter post provider that records what it is given.
 */
final class DeliveryFixture implements AutoCloseable {

    static final Currency DKK = Currency.getInstance("DKK");
    static final RetryPolicy MAIL_RETRY = new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(40),
            Duration.ofMinutes(1));
    static final RetryPolicy LETTER_RETRY = new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(40),
            Duration.ofMinutes(1));
    private static final AtomicInteger CUSTOMERS = new AtomicInteger();

    final TestClock clock = TestClock.at(Instant.parse("2027-03-15T10:00:00Z"));
    final MailTestServer smtp = new MailTestServer().start();
    final Database db;
    final MailSender mailSender;
    final QueuedMailer mailer;
    final Customers customers;
    final BillingProfiles profiles;
    final InvoiceStore store;
    final RecordingLetterPost letterPost = new RecordingLetterPost();
    final FakeExtensions extensions = new FakeExtensions().add("test-post", InvoiceDelivery.class, letterPost);
    final AtomicReference<String> provider = new AtomicReference<>("test-post");
    final InvoiceDeliveries deliveries;

    DeliveryFixture(Database db, Path themes) {
        this.db = db;
        mailSender = new MailSender(db.jdbi(), new SmtpTransport(new SmtpSettings(MailTestServer.HOST, smtp.port(), null,
                null, false, "Kontor ApS <billing@kontor.example>"), Duration.ofSeconds(5), clock), clock, MAIL_RETRY,
                Duration.ofSeconds(5), command -> { }); // sent by sendDue() in the tests
        mailer = new QueuedMailer(db.jdbi(), clock, mailSender::sendLater);
        customers = new Customers(db.jdbi(), clock, new PasswordHasher(new PasswordHasher.Parameters(1024, 1, 1),
                new SecureRandom()), LoginThrottle.standard(db.jdbi(), clock), SupportedLanguages.standard());
        profiles = new BillingProfiles(db.jdbi(), customers, clock);
        store = new InvoiceStore(db.jdbi(), db.dialect(), clock, InvoiceNumbers.defaults());
        ActiveTheme theme = theme(themes);
        InvoicePdf pdf = new InvoicePdf(() -> theme);
        deliveries = new InvoiceDeliveries(db.jdbi(), store, pdf::render, profiles, customers, mailer,
                (language, key, args) -> theme.messages().get(language, key, args), extensions,
                () -> Optional.ofNullable(provider.get()), clock, LETTER_RETRY, Duration.ofDays(7));
    }

    static ActiveTheme theme(Path themes) {
        PluginResources none = new PluginResources() {
            @Override
            public List<String> activePluginIds() {
                return List.of();
            }

            @Override
            public Optional<URL> resource(String pluginId, String path) {
                return Optional.empty();
            }
        };
        return new ThemeEngine(new ThemeRegistry(themes, DeliveryFixture.class.getClassLoader()), none,
                () -> "default", Duration.ofSeconds(5)).active();
    }

    /** A new customer with the given billing choices. */
    Customer customer(Delivery delivery, boolean excluded, String invoiceEmail) {
        int n = CUSTOMERS.incrementAndGet();
        Customer customer = customers.signUp(new SignUp("kunde" + n + "-" + System.nanoTime() + "@example.dk",
                "en god lang adgangskode", "Karen Kunde", null, "DK", "da", null));
        profiles.save(new BillingProfile(customer.id(), List.of("Æblevej 12"), "8000", "Aarhus C", null, null,
                invoiceEmail, delivery, excluded, false));
        return customer;
    }

    /** Issues a document of the series to the customer, in Danish. */
    Invoice issue(Customer customer, Series series) {
        String id = store.createDraft(new NewDraft(series, customer.id(), null, "da", DKK, null,
                List.of(DraftLine.of(".dk domæne, 1 år", "1", Money.of("89.00", "DKK")))));
        Party buyer = BillingProfiles.buyer(customer, profiles.of(customer.id()));
        LocalDate date = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        return store.issue(id, new IssueTerms(seller(), buyer, date, date.plusDays(14), VatTreatment.DOMESTIC, "DK",
                new BigDecimal("25"), null, "NONE"));
    }

    static Seller seller() {
        return new Seller(new Party("Kontor ApS", "Kontor ApS", List.of("Vesterbrogade 1"), "1620", "København V", "DK",
                "DK13585628", "13585628", null, "billing@kontor.example"), "DK5000400440116243", "DABADKKK",
                "Danske Bank", "85475103");
    }

    int mailRows(String invoiceNumber) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM mail_attachment WHERE file_name = :name")
                .bind("name", invoiceNumber + ".pdf").mapTo(Integer.class).one());
    }

    /**
     * The database lives as long as the test class: earlier tests' documents are moved out of the job's lookback and
     * their queued mail and letters closed, so that they do not reach this test's mail server or provider.
     */
    void forgetEarlierTests() {
        db.jdbi().useHandle(h -> {
            h.execute("UPDATE invoice SET issued_at = 0 WHERE issued_at IS NOT NULL");
            h.execute("UPDATE mail_queue SET status = 'SENT' WHERE status = 'QUEUED'");
            h.execute("UPDATE invoice_delivery SET state = 'FAILED' WHERE state = 'QUEUED'");
        });
    }

    @Override
    public void close() {
        smtp.close();
    }

    /** Records letters; fails the next {@link #failures} calls as a service that is down would. */
    static final class RecordingLetterPost implements InvoiceDelivery {

        final List<PostalLetter> letters = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger failures = new AtomicInteger();
        final List<String> keysSeen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String providerId() {
            return "test-post";
        }

        @Override
        public synchronized DeliveryReceipt send(PostalLetter letter) {
            keysSeen.add(letter.idempotencyKey());
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("print service unavailable");
            }
            if (letters.stream().noneMatch(l -> l.idempotencyKey().equals(letter.idempotencyKey()))) {
                letters.add(letter);
            }
            return DeliveryReceipt.accepted("REF-" + letter.idempotencyKey().hashCode());
        }

        long lettersFor(String number) {
            return letters.stream().filter(l -> l.documentNumber().equals(number)).count();
        }
    }

    static Path themesFolder(Path temp) throws java.io.IOException {
        return Files.createDirectories(temp.resolve("themes"));
    }
}
