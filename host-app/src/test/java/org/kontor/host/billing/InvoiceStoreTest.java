package org.kontor.host.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kontor.host.billing.Fixtures.DKK;
import static org.kontor.host.billing.Fixtures.draft;
import static org.kontor.host.billing.Fixtures.line;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/** Drafts, issuing and what an issued document refuses (BIL-7, BIL-8). Each test issues in its own year. */
@DatabaseTest(migrateHost = true)
class InvoiceStoreTest {

    @DbTest
    void issuingNumbersPricesAndCopiesSellerAndBuyer(Database db) {
        InvoiceStore store = Fixtures.store(db);
        String id = store.createDraft(draft(null, DKK, line(".dk domain, 1 year", "1", "89.00", "DKK"),
                line("Support, hours", "1.5", "650.00", "DKK")));
        LocalDate date = LocalDate.of(2031, 5, 2);

        Invoice invoice = store.issue(id, Fixtures.domestic(date));

        assertThat(invoice.state()).isEqualTo(InvoiceState.ISSUED);
        assertThat(invoice.number()).isEqualTo("INV-2031-000001");
        assertThat(invoice.issueDate()).isEqualTo(date);
        assertThat(invoice.supplyDate()).as("the issue date when the draft names none").isEqualTo(date);
        assertThat(invoice.seller()).isEqualTo(Fixtures.danishSeller());
        assertThat(invoice.buyer()).isEqualTo(Fixtures.buyer("DK", null));
        assertThat(invoice.lines()).extracting(InvoiceLine::net, InvoiceLine::vat, InvoiceLine::gross).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Money.of("89.00", "DKK"), Money.of("22.25", "DKK"), Money.of("111.25", "DKK")),
                org.assertj.core.groups.Tuple.tuple(Money.of("975.00", "DKK"), Money.of("243.75", "DKK"), Money.of("1218.75", "DKK")));
        assertThat(invoice.net()).isEqualTo(Money.of("1064.00", "DKK"));
        assertThat(invoice.vat()).isEqualTo(Money.of("266.00", "DKK"));
        assertThat(invoice.gross()).isEqualTo(Money.of("1330.00", "DKK"));
        assertThat(invoice.paymentReference()).isEqualTo("2031000001");
        assertThat(store.issue(store.createDraft(draft(null, DKK, line("x", "1", "1.00", "DKK"))),
                Fixtures.domestic(date)).number()).isEqualTo("INV-2031-000002");
    }

    @DbTest
    void anIssuedDocumentIsNeverChangedRenumberedOrDeleted(Database db) {
        InvoiceStore store = Fixtures.store(db);
        String id = store.createDraft(draft(null, DKK, line("Hosting", "1", "100.00", "DKK")));
        Invoice issued = store.issue(id, Fixtures.domestic(LocalDate.of(2032, 1, 10)));

        assertThatThrownBy(() -> store.addLine(id, line("More", "1", "5.00", "DKK")))
                .isInstanceOf(InvoiceIssuedException.class);
        assertThatThrownBy(() -> store.deleteDraft(id)).isInstanceOf(InvoiceIssuedException.class);
        assertThatThrownBy(() -> store.issue(id, Fixtures.domestic(LocalDate.of(2032, 2, 1))))
                .isInstanceOf(InvoiceIssuedException.class);
        store.cancel(id);

        Invoice after = store.find(id).orElseThrow();
        assertThat(after.state()).isEqualTo(InvoiceState.CANCELLED);
        assertThat(after).usingRecursiveComparison().ignoringFields("state").isEqualTo(issued);
        assertThatThrownBy(() -> store.cancel(id)).isInstanceOf(InvoiceIssuedException.class);
        long counter = db.jdbi().withHandle(h -> h.createQuery("SELECT last_value FROM invoice_counter WHERE period = '2032'")
                .mapTo(Long.class).one());
        assertThat(counter).as("the failed re-issue gave no number away").isEqualTo(1L);
    }

    @DbTest
    void aDraftCanBeChangedAndDeleted(Database db) {
        InvoiceStore store = Fixtures.store(db);
        String id = store.createDraft(draft(null, DKK, line("Hosting", "1", "100.00", "DKK")));
        store.addLine(id, line("Setup", "1", "50.00", "DKK"));

        assertThat(store.find(id).orElseThrow().draftLines()).extracting(DraftLine::description)
                .containsExactly("Hosting", "Setup");
        assertThat(store.find(id).orElseThrow().number()).isNull();
        assertThatThrownBy(() -> store.addLine(id, line("Euro", "1", "5.00", "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.deleteDraft(id)).isTrue();
        assertThat(store.find(id)).isEmpty();
        assertThat(store.deleteDraft(id)).isFalse();
    }

    @DbTest
    void aDraftWithoutLinesIsNotIssuedAndTakesNoNumber(Database db) {
        InvoiceStore store = Fixtures.store(db);
        String id = store.createDraft(draft(null, DKK));

        assertThatThrownBy(() -> store.issue(id, Fixtures.domestic(LocalDate.of(2033, 1, 1))))
                .isInstanceOf(IllegalStateException.class);

        assertThat(store.find(id).orElseThrow().state()).isEqualTo(InvoiceState.DRAFT);
        store.addLine(id, line("Hosting", "1", "10.00", "DKK"));
        assertThat(store.issue(id, Fixtures.domestic(LocalDate.of(2033, 1, 1))).number()).isEqualTo("INV-2033-000001");
    }

    @DbTest
    void paymentsMakeItPartiallyPaidThenPaid(Database db) {
        InvoiceStore store = Fixtures.store(db);
        String id = store.createDraft(draft(null, DKK, line("Hosting", "1", "100.00", "DKK")));
        store.issue(id, Fixtures.domestic(LocalDate.of(2034, 1, 1)));

        Invoice partly = store.recordPayment(id, Money.of("25.00", "DKK"));
        assertThat(partly.state()).isEqualTo(InvoiceState.PARTIALLY_PAID);
        assertThat(partly.outstanding()).isEqualTo(Money.of("100.00", "DKK"));
        Invoice paid = store.recordPayment(id, Money.of("100.00", "DKK"));
        assertThat(paid.state()).isEqualTo(InvoiceState.PAID);
        assertThat(paid.outstanding()).isEqualTo(Money.zero(DKK));
        assertThatThrownBy(() -> store.recordPayment(id, Money.of("1.00", "DKK")))
                .isInstanceOf(InvoiceIssuedException.class);
        assertThatThrownBy(() -> store.cancel(id)).isInstanceOf(InvoiceIssuedException.class);
    }

    @DbTest
    void oneDocumentPerOrderAndSeries(Database db) {
        InvoiceStore store = Fixtures.store(db);
        String first = store.createDraft(draft("order-7", DKK, line("Hosting", "1", "100.00", "DKK")));
        String again = store.createDraft(draft("order-7", DKK, line("Other", "1", "1.00", "DKK")));

        assertThat(again).isEqualTo(first);
        assertThat(store.find(first).orElseThrow().draftLines()).hasSize(1);
        assertThat(store.findByOrder("order-7", Series.INVOICE)).map(Invoice::id).contains(first);
        assertThat(store.createDraft(new NewDraft(Series.CREDIT_NOTE, "cust-1", "order-7", "en", DKK, null,
                List.of(line("Hosting", "-1", "100.00", "DKK"))))).isNotEqualTo(first);
    }

    @DbTest
    void aLineOfItsOwnRateKeepsItUnlessTheDocumentIsZeroRated(Database db) {
        InvoiceStore store = Fixtures.store(db);
        DraftLine reduced = new DraftLine("Book", BigDecimal.ONE, Money.of("100.00", "DKK"), new BigDecimal("7"));
        String id = store.createDraft(draft(null, DKK, reduced, line("Hosting", "1", "100.00", "DKK")));

        Invoice invoice = store.issue(id, Fixtures.domestic(LocalDate.of(2035, 1, 1)));

        assertThat(invoice.vatTotals()).extracting(VatTotal::rate, VatTotal::vat).containsExactly(
                org.assertj.core.groups.Tuple.tuple(new BigDecimal("25"), Money.of("25.00", "DKK")),
                org.assertj.core.groups.Tuple.tuple(new BigDecimal("7"), Money.of("7.00", "DKK")));
    }
}
