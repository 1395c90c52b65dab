package org.kontor.host.billing.corrections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kontor.host.billing.corrections.Books.line;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.kontor.api.event.InvoiceIssued;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.host.billing.DraftLine;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceLine;
import org.kontor.host.billing.InvoiceState;
import org.kontor.host.billing.NewDraft;
import org.kontor.host.billing.Series;
import org.kontor.host.billing.VatTotal;
import org.kontor.host.billing.VatTreatment;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/** Cancellations and partial credit notes (BIL-6). */
@DatabaseTest(migrateHost = true)
class CorrectionsTest {

    @DbTest
    void aCancellationNetsTheOriginalToZeroPerRateWithItsTermsAndBuyer(Database db) {
        Books books = Books.on(db);
        Invoice original = books.issued(Books.germanConsumer(), "EUR",
                line("Hosting, 3 months", "3", "3.33", "EUR"),
                line("Support, hours", "1.25", "66.67", "EUR"),
                new DraftLine("Printed book", BigDecimal.ONE, Money.of("12.99", "EUR"), new BigDecimal("7")));
        assertThat(original.vatTreatment()).isEqualTo(VatTreatment.EU_B2C);

        Correction storno = books.corrections().cancel(original.id(), "ordered twice");

        Invoice note = storno.creditNote();
        assertThat(storno.created()).isTrue();
        assertThat(storno.kind()).isEqualTo(CorrectionKind.CANCELLATION);
        assertThat(note.series()).isEqualTo(Series.CREDIT_NOTE);
        assertThat(note.state()).isEqualTo(InvoiceState.ISSUED);
        assertThat(note.number()).startsWith("CN-2027-");
        assertThat(note.correctsId()).isEqualTo(original.id());
        assertThat(note.correctsNumber()).isEqualTo(original.number());
        assertThat(note.sourceKey()).isEqualTo("storno:" + original.id());
        assertThat(note.buyer()).isEqualTo(original.buyer());
        assertThat(note.vatTreatment()).isEqualTo(original.vatTreatment());
        assertThat(note.vatCountry()).isEqualTo("DE");
        assertThat(note.lines()).extracting(InvoiceLine::quantity, InvoiceLine::unitPrice, InvoiceLine::vatRate)
                .containsExactlyElementsOf(original.lines().stream().map(line -> org.assertj.core.groups.Tuple.tuple(
                        line.quantity().negate(), line.unitPrice(), line.vatRate())).toList());
        assertThat(note.net()).isEqualTo(original.net().negate());
        assertThat(note.vat()).isEqualTo(original.vat().negate());
        assertThat(note.gross()).isEqualTo(original.gross().negate());
        assertThat(perRate(original, note)).as("net, VAT and gross per rate of both documents")
                .allSatisfy((rate, sum) -> assertThat(sum).containsOnly(Money.zero(original.currency())))
                .containsOnlyKeys(new BigDecimal("19"), new BigDecimal("7"));
        assertThat(storno.refundOwed()).isEqualTo(Money.zero(original.currency()));

        Invoice after = books.store().find(original.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(InvoiceState.CANCELLED);
        assertThat(after).as("the original's content is unchanged").usingRecursiveComparison().ignoringFields("state")
                .isEqualTo(original);
        assertThat(books.events().published()).filteredOn(InvoiceIssued.class::isInstance)
                .extracting(event -> ((InvoiceIssued) event).invoiceNumber())
                .contains(original.number(), note.number());
    }

    @DbTest
    void asecondCancellationAnswersTheFirstAndMakesNoOtherDocument(Database db) {
        Books books = Books.on(db);
        Invoice original = books.issued(Books.danishCustomer(), "DKK", line("Domain .dk", "1", "89.00", "DKK"));

        Correction first = books.corrections().cancel(original.id(), "customer withdrew");
        Correction second = books.corrections().cancel(original.id(), "again");

        assertThat(second.created()).isFalse();
        assertThat(second.creditNote().id()).isEqualTo(first.creditNote().id());
        assertThat(second.reason()).isEqualTo("customer withdrew");
        assertThat(creditNotesOf(db, original.id())).isEqualTo(1);
        assertThatThrownBy(() -> books.corrections().credit(original.id(), "more", List.of(CreditLine.quantity(1, "1"))))
                .isInstanceOf(CorrectionRefused.class).matches(e -> ((CorrectionRefused) e).conflict());
    }

    @DbTest
    void aPaidDocumentStaysPaidAndItsCancellationOwesTheRefund(Database db) {
        Books books = Books.on(db);
        Invoice paid = books.issued(Books.danishCustomer(), "DKK", line("Hosting", "1", "100.00", "DKK"));
        books.store().recordPayment(paid.id(), Money.of("125.00", "DKK"));
        Invoice partlyPaid = books.issued(Books.danishCustomer(), "DKK", line("Hosting", "1", "100.00", "DKK"));
        books.store().recordPayment(partlyPaid.id(), Money.of("40.00", "DKK"));

        Correction ofPaid = books.corrections().cancel(paid.id(), "service not delivered");
        Correction ofPartlyPaid = books.corrections().cancel(partlyPaid.id(), "service not delivered");

        assertThat(books.store().find(paid.id()).orElseThrow().state()).isEqualTo(InvoiceState.PAID);
        assertThat(ofPaid.refundOwed()).isEqualTo(Money.of("125.00", "DKK"));
        assertThat(ofPaid.creditNote().gross()).isEqualTo(Money.of("-125.00", "DKK"));
        assertThat(books.store().find(partlyPaid.id()).orElseThrow().state()).isEqualTo(InvoiceState.CANCELLED);
        assertThat(ofPartlyPaid.refundOwed()).isEqualTo(Money.of("40.00", "DKK"));
    }

    @DbTest
    void partialCreditsNeverExceedWhatIsLeftOfALineAndTheirVatAddsUpToTheLinesVat(Database db) {
        Books books = Books.on(db);
        Invoice original = books.issued(Books.danishCustomer(), "DKK",
                line("Consulting", "1", "99.99", "DKK"), line("Licences", "3", "100.00", "DKK"));
        assertThat(original.lines().get(0).vat()).isEqualTo(Money.of("25.00", "DKK"));
        Corrections corrections = books.corrections();

        Correction first = corrections.credit(original.id(), "discount agreed",
                List.of(CreditLine.amount(1, Money.of("33.33", "DKK")), CreditLine.quantity(2, "1")));
        corrections.credit(original.id(), "discount agreed", List.of(CreditLine.amount(1, Money.of("33.33", "DKK"))));

        assertThat(first.kind()).isEqualTo(CorrectionKind.PARTIAL);
        assertThat(first.creditNote().lines()).extracting(InvoiceLine::net, InvoiceLine::vat).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Money.of("-33.33", "DKK"), Money.of("-8.33", "DKK")),
                org.assertj.core.groups.Tuple.tuple(Money.of("-100.00", "DKK"), Money.of("-25.00", "DKK")));
        CorrectionRefused tooMuch = (CorrectionRefused) org.assertj.core.api.Assertions.catchThrowable(() ->
                corrections.credit(original.id(), "too much", List.of(CreditLine.amount(1, Money.of("33.34", "DKK")),
                        CreditLine.quantity(2, "2.01"))));
        assertThat(tooMuch.conflict()).isFalse();
        assertThat(tooMuch.errors()).containsOnlyKeys("lines[0].amount", "lines[1].quantity");
        assertThat(tooMuch.errors().get("lines[0].amount")).contains("33.33");
        assertThatThrownBy(() -> corrections.credit(original.id(), "x", List.of(CreditLine.quantity(9, "1"))))
                .isInstanceOf(CorrectionRefused.class).hasMessageContaining("cannot be made");
        assertThatThrownBy(() -> corrections.credit(original.id(), "x",
                List.of(new CreditLine(1, BigDecimal.ONE, Money.of("1.00", "DKK")))))
                .isInstanceOf(CorrectionRefused.class);
        assertThatThrownBy(() -> corrections.credit(original.id(), " ", List.of(CreditLine.quantity(2, "1"))))
                .isInstanceOf(CorrectionRefused.class);

        Correction last = corrections.credit(original.id(), "rest of line 1",
                List.of(CreditLine.amount(1, Money.of("33.33", "DKK"))));
        assertThat(last.creditNote().lines().get(0).vat()).as("exactly what is left of the line's VAT")
                .isEqualTo(Money.of("-8.34", "DKK"));
        Correction storno = corrections.cancel(original.id(), "end of contract");
        assertThat(storno.creditNote().lines()).extracting(InvoiceLine::net, InvoiceLine::vat).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Money.of("-200.00", "DKK"), Money.of("-50.00", "DKK")));

        List<LineBalance> balance = corrections.balance(original.id());
        assertThat(balance).allSatisfy(line -> {
            assertThat(line.remainingNet().isZero()).isTrue();
            assertThat(line.remainingVat().isZero()).isTrue();
        });
        Money gross = Money.zero(original.currency());
        for (Correction correction : corrections.of(original.id())) {
            gross = gross.plus(correction.creditNote().gross());
        }
        assertThat(gross).isEqualTo(original.gross().negate());
        assertThat(corrections.of(original.id())).hasSize(4);
    }

    @DbTest
    void draftsAndCreditNotesAreNotCorrected(Database db) {
        Books books = Books.on(db);
        String draft = books.store().createDraft(new NewDraft(Series.INVOICE, "cust-1", null, "en",
                java.util.Currency.getInstance("DKK"), null, List.of(line("Hosting", "1", "10.00", "DKK"))));
        assertThatThrownBy(() -> books.corrections().cancel(draft, "x")).isInstanceOf(CorrectionRefused.class);
        Invoice original = books.issued(Books.danishCustomer(), "DKK", line("Hosting", "1", "10.00", "DKK"));
        Invoice note = books.corrections().cancel(original.id(), "x").creditNote();
        assertThatThrownBy(() -> books.corrections().cancel(note.id(), "x"))
                .isInstanceOf(CorrectionRefused.class).hasMessageContaining("credit note");
    }

    @DbTest
    void aCreditNoteThatFailsToIssueCreditsNothing(Database db) {
        Books books = Books.on(db);
        Invoice original = books.issued(Books.danishCustomer(), "DKK", line("Hosting", "1", "100.00", "DKK"));
        org.kontor.api.event.EventPublisher failing = new org.kontor.api.event.EventPublisher() {
            @Override
            public void publish(org.jdbi.v3.core.Handle transaction, org.kontor.api.event.Event event) {
                throw new IllegalStateException("outbox unavailable");
            }

            @Override
            public void publish(org.kontor.api.event.Event event) {
                throw new IllegalStateException("outbox unavailable");
            }
        };
        org.kontor.host.billing.Invoicing cannotAnnounce = new org.kontor.host.billing.Invoicing(books.store(),
                new org.kontor.host.billing.BillingConfig(Books.seller(),
                        org.kontor.host.billing.InvoiceNumbers.defaults(), 14, java.time.ZoneId.of("Europe/Copenhagen")),
                org.kontor.host.billing.vat.EuVatRates.standard(),
                new org.kontor.host.billing.vat.OfflineVatIdValidator(Books.CLOCK), (language, key, args) -> key,
                Books.CLOCK, failing);
        Corrections failingCorrections = new Corrections(db.jdbi(), db.dialect(), books.store(), cannotAnnounce,
                Books.CLOCK);

        assertThatThrownBy(() -> failingCorrections.cancel(original.id(), "x")).hasMessageContaining("outbox");
        assertThatThrownBy(() -> failingCorrections.credit(original.id(), "x", List.of(CreditLine.quantity(1, "1"))))
                .hasMessageContaining("outbox");

        assertThat(creditNotesOf(db, original.id())).isZero();
        assertThat(books.corrections().balance(original.id()).get(0).creditedNet().isZero()).isTrue();
        assertThat(books.store().find(original.id()).orElseThrow().state()).isEqualTo(InvoiceState.ISSUED);
        Correction storno = books.corrections().cancel(original.id(), "now it works");
        assertThat(storno.created()).isTrue();
        assertThat(books.corrections().ofCreditNote(storno.creditNote().id()).orElseThrow().reason())
                .isEqualTo("now it works");
    }

    private static int creditNotesOf(Database db, String invoiceId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM invoice WHERE corrects_id = :id")
                .bind("id", invoiceId).mapTo(Integer.class).one());
    }

    /** Per rate: the sums of net, VAT and gross over the documents. */
    private static Map<BigDecimal, List<Money>> perRate(Invoice... documents) {
        Map<BigDecimal, List<Money>> sums = new java.util.HashMap<>();
        for (Invoice document : documents) {
            for (VatTotal total : document.vatTotals()) {
                sums.merge(total.rate(), List.of(total.net(), total.vat(), total.gross()), (a, b) -> List.of(
                        a.get(0).plus(b.get(0)), a.get(1).plus(b.get(1)), a.get(2).plus(b.get(2))));
            }
        }
        return sums;
    }
}
