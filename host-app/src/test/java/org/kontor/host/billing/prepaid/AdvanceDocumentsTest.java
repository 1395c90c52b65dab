package org.kontor.host.billing.prepaid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.api.event.PrepaidTopUpPaid;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.ScheduledJob;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceState;
import org.kontor.host.billing.Series;
import org.kontor.host.billing.VatTreatment;
import org.kontor.host.billing.pdf.InvoicePdf;
import org.kontor.host.customers.Customer;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/** A paid top-up gets its advance tax document, issued and paid, at the buyer's VAT, once (PA-13). */
@DatabaseTest(migrateHost = true)
class AdvanceDocumentsTest {

    private static InvoicePdf pdf;

    @BeforeAll
    static void theme(@TempDir Path themes) {
        pdf = PrepaidBillingParts.pdf(themes);
    }

    private static PrepaidBillingParts parts(Database db, int delayDays) {
        return PrepaidBillingParts.over(db, TestClock.at(Instant.parse("2027-03-15T10:00:00Z")),
                new PrepaidBillingConfig(delayDays, 200, 2), pdf, RenderedDocuments.NONE);
    }

    private static PrepaidTopUpPaid paid(Customer reseller, String net, String currency, Instant at) {
        return new PrepaidTopUpPaid("acct-" + reseller.id(), reseller.id(), UUID.randomUUID().toString(),
                Money.of(net, currency), at);
    }

    private static Invoice document(PrepaidBillingParts parts, PrepaidTopUpPaid event) {
        return parts.billing.advances().documentOf(event.topUpId()).orElseThrow(() ->
                new AssertionError("no advance document for top-up " + event.topUpId()));
    }

    private static int documentsOf(Database db, Customer customer) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM invoice WHERE customer_id = :c")
                .bind("c", customer.id()).mapTo(Integer.class).one());
    }

    @DbTest
    void aDanishResellerGetsDanishVatOnTheAdvanceAndTheDocumentIsPaid(Database db) {
        PrepaidBillingParts parts = parts(db, 0);
        Customer reseller = parts.reseller("DK", "da", "Webbureau ApS", null);
        PrepaidTopUpPaid event = paid(reseller, "1000.00", "DKK", parts.clock.instant());

        parts.events.publish(event);

        Invoice document = document(parts, event);
        assertThat(document.series()).isEqualTo(Series.ADVANCE_TAX_DOCUMENT);
        assertThat(document.number()).startsWith("ADV-2027-");
        assertThat(document.sourceKey()).isEqualTo("topup:" + event.topUpId());
        assertThat(document.customerId()).isEqualTo(reseller.id());
        assertThat(document.vatTreatment()).isEqualTo(VatTreatment.DOMESTIC);
        assertThat(document.lines()).singleElement().satisfies(line -> {
            assertThat(line.description()).isEqualTo("Modtaget forudbetaling");
            assertThat(line.net()).isEqualTo(Money.of("1000.00", "DKK"));
            assertThat(line.vatRate()).isEqualByComparingTo("25");
        });
        assertThat(document.net()).isEqualTo(Money.of("1000.00", "DKK"));
        assertThat(document.vat()).isEqualTo(Money.of("250.00", "DKK"));
        assertThat(document.gross()).isEqualTo(Money.of("1250.00", "DKK"));
        assertThat(document.state()).isEqualTo(InvoiceState.PAID);
        assertThat(document.paid()).isEqualTo(document.gross());
        assertThat(document.supplyDate()).isEqualTo(LocalDate.of(2027, 3, 15));
        assertThat(document.issueDate()).isEqualTo(LocalDate.of(2027, 3, 15));
        assertThat(pdf.render(document)).startsWith("%PDF".getBytes());
    }

    @DbTest
    void aGermanBusinessWithAValidVatIdGetsReverseCharge(Database db) {
        PrepaidBillingParts parts = parts(db, 0);
        Customer reseller = parts.reseller("DE", "de", "Muster GmbH", "DE136695976");
        PrepaidTopUpPaid event = paid(reseller, "500.00", "EUR", parts.clock.instant());

        parts.events.publish(event);

        Invoice document = document(parts, event);
        assertThat(document.vatTreatment()).isEqualTo(VatTreatment.REVERSE_CHARGE);
        assertThat(document.buyerVatCheck()).isEqualTo("VALID");
        assertThat(document.lines()).singleElement().satisfies(line -> {
            assertThat(line.description()).isEqualTo("Erhaltene Anzahlung");
            assertThat(line.vatRate()).isEqualByComparingTo("0");
        });
        assertThat(document.vat()).isEqualTo(Money.zero(document.currency()));
        assertThat(document.gross()).isEqualTo(Money.of("500.00", "EUR"));
        assertThat(document.vatNote()).contains("Steuerschuldnerschaft des Leistungsempfängers");
        assertThat(document.state()).isEqualTo(InvoiceState.PAID);
        assertThat(document.paid()).isEqualTo(Money.of("500.00", "EUR"));
    }

    @DbTest
    void aCzechConsumerPaysCzechVatUnderTheOneStopShop(Database db) {
        PrepaidBillingParts parts = parts(db, 0);
        Customer reseller = parts.reseller("CZ", "cs", null, null);
        PrepaidTopUpPaid event = paid(reseller, "100.00", "EUR", parts.clock.instant());

        parts.events.publish(event);

        Invoice document = document(parts, event);
        assertThat(document.vatTreatment()).isEqualTo(VatTreatment.EU_B2C);
        assertThat(document.vatCountry()).isEqualTo("CZ");
        assertThat(document.lines()).singleElement().satisfies(line -> {
            assertThat(line.description()).isEqualTo("Přijatá záloha");
            assertThat(line.vatRate()).isEqualByComparingTo("21");
        });
        assertThat(document.vat()).isEqualTo(Money.of("21.00", "EUR"));
        assertThat(document.gross()).isEqualTo(Money.of("121.00", "EUR"));
        assertThat(document.state()).isEqualTo(InvoiceState.PAID);
        assertThat(document.paid()).isEqualTo(Money.of("121.00", "EUR"));
    }

    @DbTest
    void aRedeliveredOrRepublishedEventCreatesNothing(Database db) {
        PrepaidBillingParts parts = parts(db, 0);
        Customer reseller = parts.reseller("DK", "en", null, null);
        PrepaidTopUpPaid event = paid(reseller, "200.00", "DKK", parts.clock.instant());
        parts.events.publish(event);
        Invoice first = document(parts, event);

        parts.events.publish(event);
        // Every delivery once more, as after a lost acknowledgement.
        db.jdbi().useHandle(h -> {
            h.execute("UPDATE event_delivery SET status = 'PENDING', next_attempt_at = 0");
            h.execute("UPDATE event_outbox SET completed_at = NULL");
        });
        parts.dispatcher.dispatchPending();
        parts.billing.advances().issue(event.topUpId());
        parts.billing.advances().issueDue();

        assertThat(documentsOf(db, reseller)).isEqualTo(1);
        Invoice again = document(parts, event);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.number()).isEqualTo(first.number());
        assertThat(again.paid()).as("paid once").isEqualTo(Money.of("250.00", "DKK"));
        assertThat(again.state()).isEqualTo(InvoiceState.PAID);
    }

    @DbTest
    void withADelayTheJobIssuesTheDocumentWhenItIsDue(Database db) {
        PrepaidBillingParts parts = parts(db, 3);
        Customer reseller = parts.reseller("DK", "da", null, null);
        Instant paidAt = parts.clock.instant();
        PrepaidTopUpPaid event = paid(reseller, "300.00", "DKK", paidAt);
        ScheduledJob job = parts.billing.jobs().stream().filter(j -> j.name().equals("prepaid-advance-documents"))
                .findFirst().orElseThrow();

        parts.events.publish(event);
        assertThat(documentsOf(db, reseller)).as("not at once").isZero();
        parts.clock.advance(Duration.ofDays(2));
        runJob(job, parts);
        assertThat(documentsOf(db, reseller)).as("not before the delay").isZero();

        parts.clock.advance(Duration.ofDays(1));
        runJob(job, parts);

        Invoice document = document(parts, event);
        assertThat(document.state()).isEqualTo(InvoiceState.PAID);
        assertThat(document.gross()).isEqualTo(Money.of("375.00", "DKK"));
        assertThat(document.supplyDate()).as("the day the payment arrived").isEqualTo(LocalDate.of(2027, 3, 15));
        assertThat(document.issueDate()).isEqualTo(LocalDate.of(2027, 3, 18));
        runJob(job, parts);
        assertThat(documentsOf(db, reseller)).isEqualTo(1);
    }

    @DbTest
    void anUnknownResellerLeavesTheDeliveryToBeRetried(Database db) {
        PrepaidBillingParts parts = parts(db, 0);
        String owner = "nobody-" + UUID.randomUUID();
        PrepaidTopUpPaid event = new PrepaidTopUpPaid("acct-x", owner, UUID.randomUUID().toString(),
                Money.of("10.00", "DKK"), parts.clock.instant());

        parts.events.publish(event);

        assertThat(parts.billing.advances().documentOf(event.topUpId())).isEmpty();
        String status = db.jdbi().withHandle(h -> h.createQuery("SELECT d.status FROM event_delivery d "
                        + "JOIN event_outbox o ON o.id = d.event_id WHERE o.payload LIKE :topUp")
                .bind("topUp", "%" + event.topUpId() + "%").mapTo(String.class).one());
        assertThat(status).isEqualTo("PENDING");
    }

    private static void runJob(ScheduledJob job, PrepaidBillingParts parts) {
        try {
            job.run(new JobRun(parts.clock.instant(), parts.clock.instant()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
