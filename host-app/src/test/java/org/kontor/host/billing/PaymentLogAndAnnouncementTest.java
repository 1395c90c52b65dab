package org.kontor.host.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kontor.host.billing.Fixtures.DKK;
import static org.kontor.host.billing.Fixtures.draft;
import static org.kontor.host.billing.Fixtures.line;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.kontor.api.event.Event;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.event.InvoiceIssued;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.host.billing.vat.EuVatRates;
import org.kontor.host.billing.vat.OfflineVatIdValidator;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.RecordingEvents;

/**
 * Payments are logged once per idempotency key (BIL-4); a draft's lines can be replaced; every issued document is
 * announced as {@link InvoiceIssued} in its issuing transaction.
 */
@DatabaseTest(migrateHost = true)
class PaymentLogAndAnnouncementTest {

    @DbTest
    void aPaymentReportedTwiceIsRecordedOnce(Database db) {
        InvoiceStore store = Fixtures.store(db);
        String id = store.createDraft(draft(null, DKK, line("Hosting", "1", "100.00", "DKK")));
        store.issue(id, Fixtures.domestic(LocalDate.of(2041, 1, 5)));

        store.recordPayment(id, Money.of("50.00", "DKK"), "2041000001", "bank:line-17");
        Invoice again = store.recordPayment(id, Money.of("50.00", "DKK"), "2041000001", "bank:line-17");
        assertThat(again.paid()).isEqualTo(Money.of("50.00", "DKK"));
        assertThat(again.state()).isEqualTo(InvoiceState.PARTIALLY_PAID);

        Invoice paid = store.recordPayment(id, Money.of("75.00", "DKK"), null, "bank:line-18");
        assertThat(paid.state()).isEqualTo(InvoiceState.PAID);
        assertThat(store.recordPayment(id, Money.of("75.00", "DKK"), null, "bank:line-18").paid())
                .as("a repeated key answers the document, paid as it is").isEqualTo(Money.of("125.00", "DKK"));
        List<Long> logged = db.jdbi().withHandle(h -> h.createQuery("SELECT amount_minor FROM invoice_payment "
                + "WHERE invoice_id = :id ORDER BY amount_minor").bind("id", id).mapTo(Long.class).list());
        assertThat(logged).containsExactly(5000L, 7500L);

        String other = store.createDraft(draft(null, DKK, line("Hosting", "1", "10.00", "DKK")));
        store.issue(other, Fixtures.domestic(LocalDate.of(2041, 1, 6)));
        assertThatThrownBy(() -> store.recordPayment(other, Money.of("1.00", "DKK"), null, "bank:line-17"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another document");
    }

    @DbTest
    void aDraftsLinesAreReplacedAndAnIssuedDocumentsAreNot(Database db) {
        InvoiceStore store = Fixtures.store(db);
        String id = store.createDraft(draft(null, DKK, line("Hosting", "1", "100.00", "DKK")));
        store.replaceDraftLines(id, List.of(line("Support", "2", "650.00", "DKK"), line("Setup", "1", "50.00", "DKK")));
        assertThat(store.find(id).orElseThrow().draftLines()).extracting(DraftLine::description)
                .containsExactly("Support", "Setup");
        store.issue(id, Fixtures.domestic(LocalDate.of(2042, 1, 5)));
        assertThatThrownBy(() -> store.replaceDraftLines(id, List.of(line("x", "1", "1.00", "DKK"))))
                .isInstanceOf(InvoiceIssuedException.class);
        assertThat(store.find(id).orElseThrow().lines()).hasSize(2);
    }

    @DbTest
    void everyIssuedDocumentIsAnnouncedInItsIssuingTransaction(Database db) {
        RecordingEvents events = new RecordingEvents();
        Invoicing invoicing = new Invoicing(Fixtures.store(db), Fixtures.config(), EuVatRates.standard(),
                new OfflineVatIdValidator(Fixtures.CLOCK), Fixtures.texts(), Fixtures.CLOCK, events);
        String id = invoicing.store().createDraft(draft(null, DKK, line("Hosting", "1", "100.00", "DKK")));

        Invoice issued = invoicing.issue(id, Fixtures.buyer("DK", null));

        assertThat(events.published()).containsExactly(new InvoiceIssued(issued.id(), issued.number(), "cust-1",
                Money.of("125.00", "DKK")));

        EventPublisher failing = new EventPublisher() {
            @Override
            public void publish(Handle transaction, Event event) {
                throw new IllegalStateException("outbox unavailable");
            }

            @Override
            public void publish(Event event) {
                throw new IllegalStateException("outbox unavailable");
            }
        };
        Invoicing cannotAnnounce = new Invoicing(Fixtures.store(db), Fixtures.config(), EuVatRates.standard(),
                new OfflineVatIdValidator(Fixtures.CLOCK), Fixtures.texts(), Fixtures.CLOCK, failing);
        String next = cannotAnnounce.store().createDraft(draft(null, DKK, line("Hosting", "1", "100.00", "DKK")));
        assertThatThrownBy(() -> cannotAnnounce.issue(next, Fixtures.buyer("DK", null)))
                .hasMessageContaining("outbox unavailable");
        Invoice still = cannotAnnounce.store().find(next).orElseThrow();
        assertThat(still.state()).as("not issued without its announcement").isEqualTo(InvoiceState.DRAFT);
        assertThat(still.number()).isNull();
    }
}
