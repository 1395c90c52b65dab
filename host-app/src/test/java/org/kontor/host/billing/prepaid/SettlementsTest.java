package org.kontor.host.billing.prepaid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.event.PrepaidCharged;
import org.kontor.api.event.PrepaidMonthClosed;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceLine;
import org.kontor.host.billing.Series;
import org.kontor.host.billing.VatTreatment;
import org.kontor.host.billing.pdf.InvoicePdf;
import org.kontor.host.customers.Customer;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * Monthly settlement documents from the prepaid account's events as the outbox delivers them: every draw a line, the
 * advances deducted per rate, zero to pay; once per account-month; not before every draw has arrived (PA-13).
 */
@DatabaseTest(migrateHost = true)
class SettlementsTest {

    private static final YearMonth MARCH = YearMonth.of(2027, 3);

    private static InvoicePdf pdf;

    @BeforeAll
    static void theme(@TempDir Path themes) {
        pdf = PrepaidBillingParts.pdf(themes);
    }

    private final List<byte[]> pdfs = new CopyOnWriteArrayList<>();

    private PrepaidBillingParts parts(Database db) {
        return PrepaidBillingParts.over(db, TestClock.at(Instant.parse("2027-04-01T02:00:00Z")),
                PrepaidBillingConfig.defaults(), pdf, (invoice, document) -> pdfs.add(document));
    }

    private static PrepaidCharged draw(Customer reseller, ChargeKind kind, String domain, String net, String currency,
                                       String at) {
        return new PrepaidCharged(account(reseller), reseller.id(), UUID.randomUUID().toString(), kind,
                domain == null ? null : DomainName.of(domain), domain == null ? null : Period.years(1),
                Money.of(net, currency), Money.of(net, currency), Money.zero(java.util.Currency.getInstance(currency)),
                Instant.parse(at));
    }

    private static String account(Customer reseller) {
        return "acct-" + reseller.id();
    }

    private static PrepaidMonthClosed closed(Customer reseller, List<PrepaidCharged> draws, String currency) {
        Money sum = Money.zero(java.util.Currency.getInstance(currency));
        for (PrepaidCharged draw : draws) {
            sum = sum.plus(draw.amount());
        }
        return new PrepaidMonthClosed(account(reseller), reseller.id(), MARCH, sum, draws.size());
    }

    private static int documentsOf(Database db, Customer customer) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM invoice WHERE customer_id = :c")
                .bind("c", customer.id()).mapTo(Integer.class).one());
    }

    private static Invoice settlement(PrepaidBillingParts parts, Customer reseller) {
        String key = Settlements.sourceKey(account(reseller), MARCH);
        return parts.invoicing.store().idOfSource(key).flatMap(parts.invoicing.store()::find)
                .orElseThrow(() -> new AssertionError("no settlement " + key));
    }

    @DbTest
    void aMonthsDrawsAreListedAndDeductedSoThatNothingIsToPay(Database db) throws Exception {
        PrepaidBillingParts parts = parts(db);
        Customer reseller = parts.reseller("DK", "en", "Webbureau ApS", null);
        List<PrepaidCharged> march = List.of(
                draw(reseller, ChargeKind.DOMAIN_CREATE, "first.dk", "75.10", "DKK", "2027-03-01T00:10:00Z"),
                draw(reseller, ChargeKind.DOMAIN_RENEW, "second.dk", "0.10", "DKK", "2027-03-10T12:00:00Z"),
                draw(reseller, ChargeKind.DOMAIN_RENEW, "third.dk", "0.10", "DKK", "2027-03-20T12:00:00Z"),
                draw(reseller, ChargeKind.HOSTING, null, "49.99", "DKK", "2027-03-31T21:30:00Z"));
        // Belongs to April in Copenhagen (23:30 local time on 31 March UTC is 01:30 on 1 April).
        PrepaidCharged april = draw(reseller, ChargeKind.DOMAIN_RENEW, "later.dk", "80.00", "DKK", "2027-03-31T22:30:00Z");
        march.forEach(parts.events::publish);
        parts.events.publish(april);
        parts.events.publish(closed(reseller, march, "DKK"));

        SettlementRun run = parts.billing.settlements().run();

        assertThat(run.issued()).isEqualTo(1);
        assertThat(run.pdfs()).isEqualTo(1);
        Invoice document = settlement(parts, reseller);
        assertThat(document.series()).isEqualTo(Series.SETTLEMENT);
        assertThat(document.number()).startsWith("SET-2027-");
        assertThat(document.supplyDate()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(document.vatTreatment()).isEqualTo(VatTreatment.DOMESTIC);
        List<InvoiceLine> supplies = document.lines().subList(0, 4);
        assertThat(supplies).extracting(InvoiceLine::net).containsExactly(Money.of("75.10", "DKK"),
                Money.of("0.10", "DKK"), Money.of("0.10", "DKK"), Money.of("49.99", "DKK"));
        assertThat(supplies).extracting(InvoiceLine::description).containsExactly("Domain registration: first.dk, 1 yr.",
                "Domain renewal: second.dk, 1 yr.", "Domain renewal: third.dk, 1 yr.", "Web hosting");
        assertThat(supplies).extracting(InvoiceLine::vat).as("25 %, rounded half-up per line").containsExactly(
                Money.of("18.78", "DKK"), Money.of("0.03", "DKK"), Money.of("0.03", "DKK"), Money.of("12.50", "DKK"));
        assertThat(document.lines()).hasSize(5);
        InvoiceLine deduction = document.lines().get(4);
        assertThat(deduction.description()).isEqualTo("Advance payments deducted");
        assertThat(deduction.vatRate()).isEqualByComparingTo("25");
        assertThat(deduction.net()).isEqualTo(Money.of("-125.29", "DKK"));
        assertThat(deduction.vat()).as("the sum of the lines' VAT, not 25 % of the sum").isEqualTo(Money.of("-31.34", "DKK"));
        assertThat(document.net()).isEqualTo(Money.zero(document.currency()));
        assertThat(document.vat()).isEqualTo(Money.zero(document.currency()));
        assertThat(document.gross()).isEqualTo(Money.zero(document.currency()));
        assertThat(document.outstanding()).isEqualTo(Money.zero(document.currency()));
        String text = text(pdfs.get(0));
        assertThat(text).contains(document.number()).contains("Advance payments deducted").contains("second.dk");
    }

    @DbTest
    void runningAgainCreatesNothing(Database db) throws Exception {
        PrepaidBillingParts parts = parts(db);
        Customer reseller = parts.reseller("DK", "da", null, null);
        List<PrepaidCharged> march = List.of(
                draw(reseller, ChargeKind.DOMAIN_CREATE, "one.dk", "10.00", "DKK", "2027-03-05T10:00:00Z"));
        march.forEach(parts.events::publish);
        PrepaidMonthClosed closed = closed(reseller, march, "DKK");
        parts.events.publish(closed);
        assertThat(parts.billing.settlements().run().issued()).isEqualTo(1);
        Invoice first = settlement(parts, reseller);

        parts.events.publish(closed);
        march.forEach(parts.events::publish);
        SettlementRun again = parts.billing.settlements().run();

        assertThat(again.issued()).isZero();
        assertThat(again.pdfs()).isZero();
        assertThat(documentsOf(db, reseller)).isEqualTo(1);
        assertThat(parts.billing.settlements().settle(account(reseller), MARCH)).map(Invoice::number)
                .contains(first.number());
        assertThat(documentsOf(db, reseller)).isEqualTo(1);
    }

    @DbTest
    void aMissingDrawDelaysTheSettlementUntilItArrives(Database db) throws Exception {
        PrepaidBillingParts parts = parts(db);
        Customer reseller = parts.reseller("DE", "de", null, null);
        List<PrepaidCharged> march = List.of(
                draw(reseller, ChargeKind.DOMAIN_CREATE, "eins.de", "12.00", "EUR", "2027-03-02T10:00:00Z"),
                draw(reseller, ChargeKind.DOMAIN_RENEW, "zwei.de", "9.99", "EUR", "2027-03-03T10:00:00Z"),
                draw(reseller, ChargeKind.DOMAIN_TRANSFER, "drei.de", "7.50", "EUR", "2027-03-04T10:00:00Z"));
        parts.events.publish(march.get(0));
        parts.events.publish(march.get(2));
        parts.events.publish(closed(reseller, march, "EUR"));

        SettlementRun early = parts.billing.settlements().run();
        assertThat(early.issued()).isZero();
        assertThat(early.waiting()).isEqualTo(1);
        assertThat(documentsOf(db, reseller)).isZero();
        assertThat(parts.billing.settlements().settle(account(reseller), MARCH)).isEmpty();

        parts.events.publish(march.get(1));
        SettlementRun later = parts.billing.settlements().run();

        assertThat(later.issued()).isEqualTo(1);
        Invoice document = settlement(parts, reseller);
        assertThat(document.vatTreatment()).as("a German consumer").isEqualTo(VatTreatment.EU_B2C);
        assertThat(document.lines()).hasSize(4);
        assertThat(document.lines().subList(0, 3)).extracting(InvoiceLine::net).containsExactly(
                Money.of("12.00", "EUR"), Money.of("9.99", "EUR"), Money.of("7.50", "EUR"));
        assertThat(document.lines().subList(0, 3)).extracting(InvoiceLine::vatRate)
                .allSatisfy(rate -> assertThat(rate).isEqualByComparingTo("19"));
        assertThat(document.lines().get(3).vat()).as("2.28 + 1.90 + 1.43, not 19 % of 29.49 = 5.60")
                .isEqualTo(Money.of("-5.61", "EUR"));
        assertThat(document.gross()).isEqualTo(Money.zero(document.currency()));
    }

    @DbTest
    void aReverseChargeBuyersSettlementHasNoVatAndNothingToPay(Database db) throws Exception {
        PrepaidBillingParts parts = parts(db);
        Customer reseller = parts.reseller("DE", "de", "Muster GmbH", "DE136695976");
        List<PrepaidCharged> march = List.of(
                draw(reseller, ChargeKind.DOMAIN_CREATE, "muster.de", "8.00", "EUR", "2027-03-02T10:00:00Z"),
                draw(reseller, ChargeKind.DOMAIN_ADDON, "muster.de", "2.00", "EUR", "2027-03-03T10:00:00Z"));
        march.forEach(parts.events::publish);
        parts.events.publish(closed(reseller, march, "EUR"));

        parts.billing.settlements().run();

        Invoice document = settlement(parts, reseller);
        assertThat(document.vatTreatment()).isEqualTo(VatTreatment.REVERSE_CHARGE);
        assertThat(document.vatNote()).contains("Steuerschuldnerschaft");
        assertThat(document.lines()).extracting(InvoiceLine::vat).containsOnly(Money.zero(document.currency()));
        assertThat(document.lines().get(2).net()).isEqualTo(Money.of("-10.00", "EUR"));
        assertThat(document.gross()).isEqualTo(Money.zero(document.currency()));
    }

    @DbTest
    void aMonthWithoutDrawsGetsNoDocument(Database db) throws Exception {
        PrepaidBillingParts parts = parts(db);
        Customer reseller = parts.reseller("DK", "da", null, null);
        parts.events.publish(closed(reseller, new ArrayList<>(), "DKK"));

        SettlementRun run = parts.billing.settlements().run();

        assertThat(run.empty()).isEqualTo(1);
        assertThat(documentsOf(db, reseller)).isZero();
        assertThat(parts.billing.settlements().run().empty()).as("settled once").isZero();
        String state = db.jdbi().withHandle(h -> h.createQuery("SELECT state FROM prepaid_settlement "
                + "WHERE account_id = :a").bind("a", account(reseller)).mapTo(String.class).one());
        assertThat(state).isEqualTo("EMPTY");
    }

    private static String text(byte[] document) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(document)) {
            return new PDFTextStripper().getText(pdf);
        }
    }
}
