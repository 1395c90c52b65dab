package org.kontor.host.billing.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.host.billing.Invoice;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/** Dunning runs over real databases: levels in time, fees and interest, skips, the event and two runs at once (ADM-8). */
@DatabaseTest(migrateHost = true)
class DunningRunsTest {

    private static final LocalDate DUE = LocalDate.of(2027, 3, 1);

    private final TestClock clock = TestClock.at(Instant.parse("2027-03-01T09:00:00Z"));
    private Dunnings d;

    @BeforeEach
    void setUp(Database db) {
        Dunnings.clear(db);
        d = new Dunnings(db, clock);
        d.customer("anna", "en");
    }

    private DunningRunView runOn(LocalDate day) {
        d.on(day);
        DunningRunView run = d.runs.run(false);
        assertThat(run.state()).as(String.valueOf(run.error())).isEqualTo(RunState.DONE);
        return run;
    }

    private static InvoiceResult only(DunningRunView run) {
        assertThat(run.invoices()).hasSize(1);
        return run.invoices().get(0);
    }

    private List<String> levels(String invoiceId) {
        return d.store.history(invoiceId).stream().map(r -> r.level().name()).toList();
    }

    private int escalations() {
        return d.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM event_outbox WHERE event_type = 'DunningEscalated'")
                .mapTo(Integer.class).one());
    }

    @DbTest
    void levelsFollowEachOtherByTheConfiguredDays(Database db) {
        Invoice invoice = d.invoice("anna", "1000.00", "DKK", DUE);

        assertThat(runOn(DUE).total()).as("due today is not overdue").isZero();
        assertThat(only(runOn(LocalDate.of(2027, 3, 7))).outcome()).isEqualTo(Outcome.NOT_DUE);
        InvoiceResult reminder = only(runOn(LocalDate.of(2027, 3, 8)));
        assertThat(reminder.outcome()).isEqualTo(Outcome.DUNNED);
        assertThat(reminder.level()).isEqualTo(DunningLevel.REMINDER);
        assertThat(only(runOn(LocalDate.of(2027, 3, 8))).outcome()).as("the same day again").isEqualTo(Outcome.NOT_DUE);
        assertThat(only(runOn(LocalDate.of(2027, 3, 21))).level()).isEqualTo(DunningLevel.FIRST_DUNNING);
        assertThat(only(runOn(LocalDate.of(2027, 3, 21))).outcome()).isEqualTo(Outcome.NOT_DUE);
        assertThat(only(runOn(LocalDate.of(2027, 3, 22))).outcome()).isEqualTo(Outcome.DUNNED);
        assertThat(escalations()).isZero();
        assertThat(only(runOn(LocalDate.of(2027, 4, 4))).outcome()).isEqualTo(Outcome.NOT_DUE);
        InvoiceResult second = only(runOn(LocalDate.of(2027, 4, 5)));
        assertThat(second.outcome()).isEqualTo(Outcome.DUNNED);
        assertThat(second.level()).isEqualTo(DunningLevel.SECOND_DUNNING);
        DunningRunView after = runOn(LocalDate.of(2027, 6, 1));
        assertThat(only(after).outcome()).isEqualTo(Outcome.COMPLETE);
        assertThat(after.mailsQueued()).isZero();

        assertThat(levels(invoice.id())).containsExactly("REMINDER", "FIRST_DUNNING", "SECOND_DUNNING");
        assertThat(d.count("mail_queue")).as("one notice per level").isEqualTo(3);
        assertThat(d.invoices.find(invoice.id()).orElseThrow()).as("the issued invoice is unchanged").isEqualTo(invoice);
    }

    @DbTest
    void feesAndInterestAreExact(Database db) {
        Invoice dkk = d.invoice("anna", "1000.00", "DKK", DUE);
        Invoice eur = d.invoice("anna", "1234.50", "EUR", DUE);
        runOn(LocalDate.of(2027, 3, 8));
        d.invoices.recordPayment(dkk.id(), Money.of("200.00", "DKK"));

        DunningRunView first = runOn(LocalDate.of(2027, 3, 22));
        Map<String, InvoiceResult> byId = first.invoices().stream()
                .collect(Collectors.toMap(InvoiceResult::invoiceId, r -> r));
        // 800.00 × 8.27 % × 14 / 365 = 2.537643… → 2.54; the reminder charged nothing.
        assertThat(byId.get(dkk.id()).outstanding()).isEqualTo(Money.of("800.00", "DKK"));
        assertThat(byId.get(dkk.id()).fee()).isEqualTo(Money.of("100.00", "DKK"));
        assertThat(byId.get(dkk.id()).interest()).isEqualTo(Money.of("2.54", "DKK"));
        // 1234.50 × 8.27 % × 14 / 365 = 3.915907… → 3.92
        assertThat(byId.get(eur.id()).fee()).isEqualTo(Money.of("15.00", "EUR"));
        assertThat(byId.get(eur.id()).interest()).isEqualTo(Money.of("3.92", "EUR"));

        runOn(LocalDate.of(2027, 4, 5));
        List<LevelRecord> history = d.store.history(eur.id());
        assertThat(history).extracting(LevelRecord::fee).containsExactly(Money.of("0.00", "EUR"),
                Money.of("15.00", "EUR"), Money.of("15.00", "EUR"));
        // the second level's interest runs from 22 March to 5 April: 14 days again
        assertThat(history).extracting(LevelRecord::interest).containsExactly(Money.of("0.00", "EUR"),
                Money.of("3.92", "EUR"), Money.of("3.92", "EUR"));
        assertThat(history.get(2).interestFrom()).isEqualTo(LocalDate.of(2027, 3, 22));
        String notice = lastMailText();
        // 1234.50 + 30.00 fees + 7.84 interest
        assertThat(notice).contains("1,272.34 EUR").contains("30.00 EUR").contains("7.84 EUR");
        // 800.00 + 200.00 fees + 2.54 + 2.54 interest
        assertThat(notice).contains("1,005.08 DKK");
        assertThat(d.invoices.find(eur.id()).orElseThrow().gross()).isEqualTo(Money.of("1234.50", "EUR"));
    }

    private String lastMailText() {
        return d.db.jdbi().withHandle(h -> h.createQuery("SELECT text_body FROM mail_queue ORDER BY created_at DESC, id DESC")
                .mapTo(String.class).list().get(0));
    }

    @DbTest
    void aDryRunWritesAndSendsNothing(Database db) {
        d.invoice("anna", "1000.00", "DKK", DUE);
        runOn(LocalDate.of(2027, 3, 8));
        int runs = d.count("dunning_run");
        int items = d.count("dunning_run_item");
        int levels = d.count("dunning_level");
        int mails = d.count("mail_queue");
        int events = d.count("event_outbox");

        d.on(LocalDate.of(2027, 3, 22));
        DunningRunView preview = d.runs.run(true);

        assertThat(preview.dryRun()).isTrue();
        assertThat(preview.state()).isEqualTo(RunState.DONE);
        assertThat(preview.mailsQueued()).as("would be queued").isEqualTo(1);
        assertThat(only(preview).level()).isEqualTo(DunningLevel.FIRST_DUNNING);
        assertThat(only(preview).fee()).isEqualTo(Money.of("100.00", "DKK"));
        assertThat(only(preview).interest()).as("1000 × 8.27 % × 14 / 365 = 3.172055 → 3.17")
                .isEqualTo(Money.of("3.17", "DKK"));
        assertThat(d.runs.find(preview.id())).contains(preview);
        assertThat(List.of(d.count("dunning_run"), d.count("dunning_run_item"), d.count("dunning_level"),
                d.count("mail_queue"), d.count("event_outbox"))).containsExactly(runs, items, levels, mails, events);

        assertThat(only(runOn(LocalDate.of(2027, 3, 22))).level()).as("the real run still sends the level")
                .isEqualTo(DunningLevel.FIRST_DUNNING);
    }

    @DbTest
    void anExcludedCustomerIsSkipped(Database db) {
        d.customer("bo", "da");
        d.exclude("bo");
        Invoice excluded = d.invoice("bo", "500.00", "DKK", DUE);
        d.invoice("anna", "500.00", "DKK", DUE);

        DunningRunView run = runOn(LocalDate.of(2027, 3, 8));

        assertThat(run.invoices()).filteredOn(r -> r.invoiceId().equals(excluded.id()))
                .extracting(InvoiceResult::outcome).containsExactly(Outcome.EXCLUDED);
        assertThat(levels(excluded.id())).isEmpty();
        assertThat(run.mailsQueued()).isEqualTo(1);
        List<String> recipients = d.db.jdbi().withHandle(h -> h.createQuery("SELECT recipients FROM mail_queue")
                .mapTo(String.class).list());
        assertThat(recipients).containsExactly("anna@example.com");
        assertThat(d.runs.find(run.id()).orElseThrow().invoices()).hasSize(2);
    }

    @DbTest
    void anUnusableAddressRecordsNoLevel(Database db) {
        Invoice invoice = d.invoice("anna", "1000.00", "DKK", DUE);
        d.profiles.save(new org.kontor.host.billing.profile.BillingProfile("anna", List.of(), null, null, null, null,
                "not an address", null, false, false));

        DunningRunView run = runOn(LocalDate.of(2027, 3, 8));

        assertThat(only(run).outcome()).isEqualTo(Outcome.NO_ADDRESS);
        assertThat(run.mailsQueued()).isZero();
        assertThat(levels(invoice.id())).as("rolled back with the mail").isEmpty();
        assertThat(d.count("mail_queue")).isZero();
    }

    @DbTest
    void paidAndCancelledInvoicesAreSkipped(Database db) {
        Invoice paid = d.invoice("anna", "1000.00", "DKK", DUE);
        Invoice cancelled = d.invoice("anna", "500.00", "DKK", DUE);
        Invoice open = d.invoice("anna", "250.00", "DKK", DUE);
        d.invoices.recordPayment(paid.id(), Money.of("1000.00", "DKK"));
        d.invoices.cancel(cancelled.id());

        DunningRunView run = runOn(LocalDate.of(2027, 3, 8));

        assertThat(run.total()).isEqualTo(1);
        assertThat(only(run).invoiceId()).isEqualTo(open.id());
        assertThat(levels(paid.id())).isEmpty();
        assertThat(levels(cancelled.id())).isEmpty();
        assertThat(lastMailText()).contains(open.number()).doesNotContain(paid.number()).doesNotContain(cancelled.number());
    }

    @DbTest
    void theLastLevelPutsAnEscalationInTheOutbox(Database db) {
        Invoice invoice = d.invoice("anna", "1000.00", "DKK", DUE);
        runOn(LocalDate.of(2027, 3, 8));
        runOn(LocalDate.of(2027, 3, 22));
        assertThat(escalations()).isZero();

        runOn(LocalDate.of(2027, 4, 5));
        runOn(LocalDate.of(2027, 5, 5));

        List<String> payloads = db.jdbi().withHandle(h -> h.createQuery("SELECT payload FROM event_outbox "
                + "WHERE event_type = 'DunningEscalated'").mapTo(String.class).list());
        assertThat(payloads).hasSize(1);
        assertThat(payloads.get(0)).contains("\"customerId\":\"anna\"").contains("\"invoiceId\":\"" + invoice.id() + "\"")
                .contains("\"invoiceNumber\":\"" + invoice.number() + "\"").contains("\"level\":\"SECOND_DUNNING\"")
                .contains("1000.00");
    }

    @DbTest
    void twoRunsAtOnceSendEachNoticeOnce(Database db) throws Exception {
        List<Invoice> invoices = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            d.customer("c" + i, "en");
            invoices.add(d.invoice("c" + i, "100.00", "DKK", DUE));
            invoices.add(d.invoice("c" + i, "200.00", "DKK", DUE));
        }
        d.on(LocalDate.of(2027, 3, 8));
        Dunnings other = new Dunnings(db, clock);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<DunningRunView>> both = List.of(() -> {
                start.await();
                return d.runs.run(false);
            }, () -> {
                start.await();
                return other.runs.run(false);
            });
            List<DunningRunView> runs = new ArrayList<>();
            for (Future<DunningRunView> run : pool.invokeAll(both)) {
                runs.add(run.get());
            }

            assertThat(runs).extracting(DunningRunView::state).containsOnly(RunState.DONE);
            assertThat(d.count("mail_queue")).as("one notice per customer").isEqualTo(12);
            assertThat(d.count("dunning_level")).isEqualTo(invoices.size());
            assertThat(runs.stream().mapToInt(DunningRunView::mailsQueued).sum()).isEqualTo(12);
            assertThat(runs.stream().flatMap(r -> r.invoices().stream()).filter(r -> r.outcome() == Outcome.DUNNED)
                    .count()).as("each invoice dunned by one run").isEqualTo(invoices.size());
            for (Invoice invoice : invoices) {
                assertThat(levels(invoice.id())).containsExactly("REMINDER");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @DbTest
    void aRunCutOffByAStoppedHostIsMarkedFailedLater(Database db) {
        d.on(LocalDate.of(2027, 3, 8));
        db.jdbi().useHandle(h -> h.execute("INSERT INTO dunning_run (id, state, as_of, started_at) "
                + "VALUES ('cut', 'RUNNING', '2027-03-07', ?)", clock.millis() - java.time.Duration.ofHours(7).toMillis()));
        db.jdbi().useHandle(h -> h.execute("INSERT INTO dunning_run (id, state, as_of, started_at) "
                + "VALUES ('busy', 'RUNNING', '2027-03-08', ?)", clock.millis() - java.time.Duration.ofHours(1).toMillis()));

        d.runs.run(false);

        assertThat(d.runs.find("cut").orElseThrow().state()).isEqualTo(RunState.FAILED);
        assertThat(d.runs.find("cut").orElseThrow().error()).isEqualTo("interrupted");
        assertThat(d.runs.find("busy").orElseThrow().state()).isEqualTo(RunState.RUNNING);
    }

    @DbTest
    void aLevelIsRecordedOnceWhoeverAsks(Database db) {
        Invoice invoice = d.invoice("anna", "1000.00", "DKK", LocalDate.of(2027, 2, 1));
        InvoicePlan plan = InvoicePlan.of(invoice, List.of(), Dunnings.config(), LocalDate.of(2027, 3, 8));
        d.db.jdbi().useHandle(h -> h.execute("INSERT INTO dunning_run (id, state, as_of, started_at) "
                + "VALUES ('r1', 'RUNNING', '2027-03-08', 0)"));

        boolean first = db.jdbi().inTransaction(h -> d.store.record(h, "r1", plan, LocalDate.of(2027, 3, 8)));
        boolean second = db.jdbi().inTransaction(h -> d.store.record(h, "r1", plan, LocalDate.of(2027, 3, 8)));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(levels(invoice.id())).containsExactly("REMINDER");
    }

    @DbTest
    void creditNotesLowerWhatIsDunnedAndAnInvoiceCreditedInFullIsNotDunned(Database db) {
        Invoice partly = d.invoice("anna", "1000.00", "DKK", LocalDate.of(2027, 2, 1));
        Invoice whole = d.invoice("anna", "500.00", "DKK", LocalDate.of(2027, 2, 1));
        org.kontor.host.billing.Invoicing invoicing = new org.kontor.host.billing.Invoicing(d.invoices,
                new org.kontor.host.billing.BillingConfig(Dunnings.SELLER, org.kontor.host.billing.InvoiceNumbers.defaults(),
                        14, java.time.ZoneId.of("Europe/Copenhagen")),
                org.kontor.host.billing.vat.EuVatRates.standard(),
                new org.kontor.host.billing.vat.OfflineVatIdValidator(d.clock), Dunnings.texts(), d.clock);
        org.kontor.host.billing.corrections.Corrections corrections = new org.kontor.host.billing.corrections.Corrections(
                db.jdbi(), db.dialect(), d.invoices, invoicing, d.clock);
        corrections.credit(partly.id(), "goodwill", List.of(org.kontor.host.billing.corrections.CreditLine.amount(1,
                org.kontor.api.money.Money.of("400.00", "DKK"))));
        corrections.credit(whole.id(), "billed twice", List.of(
                org.kontor.host.billing.corrections.CreditLine.quantity(1, "1")));

        DunningRunView run = runOn(LocalDate.of(2027, 3, 8));

        InvoiceResult dunned = run.invoices().stream().filter(r -> r.invoiceId().equals(partly.id())).findFirst()
                .orElseThrow();
        assertThat(dunned.outcome()).isEqualTo(Outcome.DUNNED);
        assertThat(dunned.outstanding()).as("1000.00 less the credit note's 500.00 (400.00 net + VAT)")
                .isEqualTo(org.kontor.api.money.Money.of("500.00", "DKK"));
        assertThat(run.invoices().stream().filter(r -> r.invoiceId().equals(whole.id())).findFirst().orElseThrow()
                .outcome()).isEqualTo(Outcome.SETTLED);
        assertThat(levels(whole.id())).isEmpty();
    }
}
