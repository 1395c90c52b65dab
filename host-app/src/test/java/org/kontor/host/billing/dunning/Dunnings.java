package org.kontor.host.billing.dunning;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.host.billing.DraftLine;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceNumbers;
import org.kontor.host.billing.InvoiceStore;
import org.kontor.host.billing.InvoiceTexts;
import org.kontor.host.billing.IssueTerms;
import org.kontor.host.billing.NewDraft;
import org.kontor.host.billing.Party;
import org.kontor.host.billing.Seller;
import org.kontor.host.billing.Series;
import org.kontor.host.billing.VatTreatment;
import org.kontor.host.billing.profile.BillingProfile;
import org.kontor.host.billing.profile.BillingProfiles;
import org.kontor.host.config.KontorConfig;
import org.kontor.host.customers.Customers;
import org.kontor.host.events.OutboxEventPublisher;
import org.kontor.host.i18n.SupportedLanguages;
import org.kontor.host.json.JsonMapping;
import org.kontor.host.mail.QueuedMailer;
import org.kontor.testkit.TestClock;

/** Customers, invoices and a dunning service over a test database, with the default theme's messages. */
final class Dunnings {

    static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    static final Seller SELLER = new Seller(new Party("Kontor ApS", "Kontor ApS", List.of("Vesterbrogade 1"), "1620",
            "København V", "DK", "DK13585628", "13585628", null, "billing@kontor.example"), "DK5000400440116243",
            "DABADKKK", "Danske Bank", "85475103");

    /** Reminder 7 days after the due date without fee or interest, then 14 days each with fees and 8.27 % a year. */
    static final Map<String, String> CONFIG = Map.of(
            "billing.dunning.days.reminder", "7",
            "billing.dunning.days.first", "14",
            "billing.dunning.days.second", "14",
            "billing.dunning.fee.reminder", "",
            "billing.dunning.fee.first", "DKK 100, EUR 15",
            "billing.dunning.fee.second", "DKK 100, EUR 15",
            "billing.dunning.interest.reminder", "0",
            "billing.dunning.interest.first", "8.27",
            "billing.dunning.interest.second", "8.27");

    final Database db;
    final TestClock clock;
    final InvoiceStore invoices;
    final BillingProfiles profiles;
    final DunningStore store;
    final DunningRuns runs;

    Dunnings(Database db, TestClock clock) {
        this(db, clock, new OutboxEventPublisher(db.jdbi(), JsonMapping.create(), clock, id -> { }));
    }

    Dunnings(Database db, TestClock clock, EventPublisher events) {
        this.db = db;
        this.clock = clock;
        this.invoices = new InvoiceStore(db.jdbi(), db.dialect(), clock, InvoiceNumbers.defaults());
        Customers customers = new Customers(db.jdbi(), clock, null, null, SupportedLanguages.standard());
        this.profiles = new BillingProfiles(db.jdbi(), customers, clock);
        this.store = new DunningStore(db.jdbi(), db.dialect(), clock);
        this.runs = new DunningRuns(db.jdbi(), store, invoices, customers, profiles, new DunningNotice(texts(), SELLER),
                new QueuedMailer(db.jdbi(), clock, id -> { }), events, config(), clock, Runnable::run);
    }

    static DunningConfig config() {
        return DunningConfig.from(KontorConfig.of(CONFIG), ZONE);
    }

    /** Empties every table the tests write. */
    static void clear(Database db) {
        db.jdbi().useHandle(h -> {
            for (String table : List.of("dunning_level", "dunning_run_item", "dunning_run", "mail_attachment", "mail_queue",
                    "event_delivery", "event_outbox", "invoice_delivery", "invoice_correction_line", "invoice_correction",
                    "invoice_payment", "invoice_line", "invoice", "invoice_counter", "billing_profile",
                    "customer")) {
                h.execute("DELETE FROM " + table);
            }
        });
    }

    void customer(String id, String language) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO customer (id, email, email_key, password_hash, name, company, "
                        + "country, language, currency, role, created_at) VALUES (:id, :email, :email, 'x', :name, NULL, "
                        + "'DK', :language, 'DKK', 'CUSTOMER', 0)")
                .bind("id", id).bind("email", id + "@example.com").bind("name", "Customer " + id)
                .bind("language", language).execute());
    }

    void exclude(String customerId) {
        BillingProfile empty = BillingProfile.empty(customerId);
        profiles.save(new BillingProfile(customerId, List.of(), null, null, null, null, null, empty.delivery(), false, true));
    }

    /** An issued invoice of the customer: gross {@code gross} (net + 25 % VAT), due on {@code due}. */
    Invoice invoice(String customerId, String gross, String currency, LocalDate due) {
        Money net = Money.of(new BigDecimal(gross).divide(new BigDecimal("1.25")).toPlainString(), currency);
        String id = invoices.createDraft(new NewDraft(Series.INVOICE, customerId, null, "en",
                Currency.getInstance(currency), null, List.of(DraftLine.of("Hosting", "1", net))));
        Party buyer = profiles.buyer(customerId).orElseThrow();
        Invoice invoice = invoices.issue(id, new IssueTerms(SELLER, buyer, due.minusDays(14), due, VatTreatment.DOMESTIC,
                "DK", new BigDecimal("25"), null, "NONE"));
        if (!invoice.gross().equals(Money.of(gross, currency))) {
            throw new AssertionError("gross " + invoice.gross());
        }
        return invoice;
    }

    /** Sets the clock to 10:00 on the day in Copenhagen. */
    void on(LocalDate day) {
        clock.set(day.atTime(10, 0).atZone(ZONE).toInstant());
    }

    int count(String table) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
    }

    /** The default theme's messages, as the host reads them. */
    static InvoiceTexts texts() {
        return (language, key, args) -> {
            Properties properties = new Properties();
            try (var in = Dunnings.class.getClassLoader()
                    .getResourceAsStream("themes/default/messages/messages_" + language + ".properties")) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String text = properties.getProperty(key);
            if (text == null) {
                throw new AssertionError("no message " + key + " in " + language);
            }
            return args.length == 0 ? text : new MessageFormat(text, Locale.forLanguageTag(language)).format(args);
        };
    }
}
