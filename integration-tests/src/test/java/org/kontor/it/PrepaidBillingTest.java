package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.event.Event;
import org.kontor.api.event.EventListener;
import org.kontor.api.event.EventMetadata;
import org.kontor.api.event.PrepaidCharged;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.funding.FundingRequest;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.database.Database;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceLine;
import org.kontor.host.billing.InvoiceState;
import org.kontor.host.billing.Series;
import org.kontor.host.billing.pdf.InvoicePdf;
import org.kontor.host.billing.prepaid.PrepaidBillingConfig;
import org.kontor.host.billing.prepaid.PrepaidBillingParts;
import org.kontor.host.billing.prepaid.RenderedDocuments;
import org.kontor.host.billing.prepaid.SettlementRun;
import org.kontor.host.billing.prepaid.Settlements;
import org.kontor.host.customers.Customer;
import org.kontor.plugins.prepaidaccount.ledger.Account;
import org.kontor.plugins.prepaidaccount.ledger.Entry;
import org.kontor.plugins.prepaidaccount.ledger.EntryFilter;
import org.kontor.plugins.prepaidaccount.ledger.EntryKind;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.plugins.prepaidaccount.monthclose.MonthClose;
import org.kontor.plugins.prepaidaccount.topup.TopUp;
import org.kontor.plugins.prepaidaccount.topup.TopUps;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * The prepaid-account plugin's real ledger, top-ups and month close publishing through the host's outbox to billing:
 * a paid top-up gets its advance tax document, and a month of draws its settlement with the ledger's figures and zero
 * to pay (PA-13).
 */
@DatabaseTest(migrateHost = true, plugins = "prepaid-account")
class PrepaidBillingTest {

    private static final Currency DKK = Currency.getInstance("DKK");
    private static final YearMonth MARCH = YearMonth.of(2027, 3);

    private static InvoicePdf pdf;

    @BeforeAll
    static void theme(@TempDir Path themes) {
        pdf = PrepaidBillingParts.pdf(themes);
    }

    /** The ledger as the plugin runs it, publishing through the parts' outbox. */
    private record Plugin(Ledger ledger, TopUps topUps, MonthClose monthClose) {

        static Plugin over(PrepaidBillingParts parts) {
            Ledger ledger = new Ledger(parts.db.jdbi(), parts.clock, parts.events, Duration.ofHours(72));
            return new Plugin(ledger, new TopUps(parts.db.jdbi(), parts.clock, parts.events, ledger, Duration.ofDays(10)),
                    new MonthClose(parts.db.jdbi(), parts.clock, parts.events, ledger, PrepaidBillingParts.ZONE));
        }

        Account open(Customer reseller) {
            String scheme = "resellers-" + UUID.randomUUID();
            ledger.createScheme(scheme, "Resellers", DKK, Money.of("100.00", "DKK"), true, Money.zero(DKK));
            return ledger.activate(ledger.apply(reseller.id(), scheme).id(), "operator");
        }

        void draw(Customer reseller, ChargeKind kind, String domain, String amount, boolean capture) throws Exception {
            String key = "order-" + UUID.randomUUID();
            ledger.hold(FundingRequest.domain(IdempotencyKey.of(key), reseller.id(), kind, Money.of(amount, "DKK"),
                    DomainName.of(domain), Period.years(1)));
            if (capture) {
                ledger.capture(key);
            } else {
                ledger.release(key);
            }
        }
    }

    private static PrepaidBillingParts parts(Database db, java.util.function.UnaryOperator<EventListener<?>> wrap) {
        return PrepaidBillingParts.over(db, TestClock.at(Instant.parse("2027-03-01T08:00:00Z")),
                PrepaidBillingConfig.defaults(), pdf, RenderedDocuments.NONE, wrap);
    }

    /** A month of real draws: 5 captured in March, one released, one captured in April. */
    private static void aMonthOfDraws(PrepaidBillingParts parts, Plugin plugin, Customer reseller) throws Exception {
        parts.clock.set(Instant.parse("2027-03-02T09:00:00Z"));
        plugin.draw(reseller, ChargeKind.DOMAIN_CREATE, "alpha.dk", "75.10", true);
        parts.clock.set(Instant.parse("2027-03-09T09:00:00Z"));
        plugin.draw(reseller, ChargeKind.DOMAIN_RENEW, "beta.dk", "0.10", true);
        plugin.draw(reseller, ChargeKind.DOMAIN_RENEW, "gamma.dk", "0.10", true);
        plugin.draw(reseller, ChargeKind.DOMAIN_CREATE, "released.dk", "75.10", false);
        parts.clock.set(Instant.parse("2027-03-20T09:00:00Z"));
        plugin.draw(reseller, ChargeKind.DOMAIN_TRANSFER, "delta.dk", "60.00", true);
        parts.clock.set(Instant.parse("2027-03-31T21:59:00Z"));
        plugin.draw(reseller, ChargeKind.DOMAIN_RESTORE, "epsilon.dk", "333.33", true);
        parts.clock.set(Instant.parse("2027-03-31T22:01:00Z"));
        plugin.draw(reseller, ChargeKind.DOMAIN_RENEW, "april.dk", "80.00", true);
    }

    private static List<Money> ledgerDraws(Plugin plugin, Account account) {
        Instant from = MARCH.atDay(1).atStartOfDay(PrepaidBillingParts.ZONE).toInstant();
        Instant until = MARCH.plusMonths(1).atDay(1).atStartOfDay(PrepaidBillingParts.ZONE).toInstant();
        return plugin.ledger().entries(account.id(), new EntryFilter(from, until, Set.of(EntryKind.CHARGE), 1000, 0))
                .stream().sorted(java.util.Comparator.comparing(Entry::createdAt).thenComparing(Entry::id))
                .map(entry -> entry.amount().negate()).toList();
    }

    private static Invoice settlement(PrepaidBillingParts parts, Account account) {
        return parts.invoicing.store().idOfSource(Settlements.sourceKey(account.id(), MARCH))
                .flatMap(parts.invoicing.store()::find).orElseThrow(() -> new AssertionError("no settlement"));
    }

    private static int documentsOf(PrepaidBillingParts parts, Customer customer) {
        return parts.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM invoice WHERE customer_id = :c")
                .bind("c", customer.id()).mapTo(Integer.class).one());
    }

    @DbTest
    void aPaidTopUpAndAMonthOfDrawsGetTheirDocuments(Database db) throws Exception {
        PrepaidBillingParts parts = parts(db, java.util.function.UnaryOperator.identity());
        Plugin plugin = Plugin.over(parts);
        Customer reseller = parts.reseller("DK", "da", "Webbureau ApS", "DK13585628");
        Account account = plugin.open(reseller);

        TopUp topUp = plugin.topUps().request(account.id(), Money.of("1000.00", "DKK"));
        plugin.topUps().markPaid(topUp.id(), "bank-1", "operator");
        Invoice advance = parts.billing.advances().documentOf(topUp.id()).orElseThrow();
        assertThat(advance.series()).isEqualTo(Series.ADVANCE_TAX_DOCUMENT);
        assertThat(advance.gross()).isEqualTo(Money.of("1250.00", "DKK"));
        assertThat(advance.state()).isEqualTo(InvoiceState.PAID);

        aMonthOfDraws(parts, plugin, reseller);
        parts.clock.set(Instant.parse("2027-04-01T00:30:00Z"));
        assertThat(plugin.monthClose().closeDueMonths()).singleElement()
                .satisfies(closed -> assertThat(closed.payments()).isEqualTo(5));
        SettlementRun run = parts.billing.settlements().run();

        assertThat(run.issued()).isEqualTo(1);
        Invoice settlement = settlement(parts, account);
        List<Money> ledger = ledgerDraws(plugin, account);
        assertThat(ledger).hasSize(5);
        List<InvoiceLine> supplies = settlement.lines().subList(0, settlement.lines().size() - 1);
        assertThat(supplies).extracting(InvoiceLine::net).containsExactlyElementsOf(ledger);
        assertThat(supplies.get(4).description()).isEqualTo("Genskabelse af domæne: epsilon.dk, 1 år");
        Money net = supplies.stream().map(InvoiceLine::net).reduce(Money.zero(DKK), Money::plus);
        assertThat(net).isEqualTo(Money.of("468.63", "DKK"));
        InvoiceLine deduction = settlement.lines().get(settlement.lines().size() - 1);
        assertThat(deduction.description()).isEqualTo("Fradrag af forudbetalinger");
        assertThat(deduction.net()).isEqualTo(net.negate());
        assertThat(settlement.gross()).isEqualTo(Money.zero(DKK));
        assertThat(settlement.supplyDate()).isEqualTo(MARCH.atEndOfMonth());

        SettlementRun again = parts.billing.settlements().run();
        plugin.monthClose().closeDueMonths();
        parts.billing.settlements().run();
        assertThat(again.issued()).isZero();
        assertThat(documentsOf(parts, reseller)).as("the advance and one settlement").isEqualTo(2);
    }

    @DbTest
    void aDrawWhoseEventIsLateDelaysTheSettlementUntilItArrives(Database db) throws Exception {
        AtomicInteger charges = new AtomicInteger();
        // The third draw's first delivery fails, as when the host stopped while delivering it.
        PrepaidBillingParts parts = parts(db, listener -> listener.eventType() != PrepaidCharged.class ? listener
                : new FailingOnce(listener, () -> charges.incrementAndGet() == 3));
        Plugin plugin = Plugin.over(parts);
        Customer reseller = parts.reseller("CZ", "cs", null, null);
        Account account = plugin.open(reseller);
        TopUp topUp = plugin.topUps().request(account.id(), Money.of("1000.00", "DKK"));
        plugin.topUps().markPaid(topUp.id(), "bank-1", "operator");
        assertThat(parts.billing.advances().documentOf(topUp.id())).map(Invoice::gross)
                .contains(Money.of("1210.00", "DKK"));
        aMonthOfDraws(parts, plugin, reseller);
        parts.clock.set(Instant.parse("2027-04-01T00:30:00Z"));
        plugin.monthClose().closeDueMonths();

        SettlementRun early = parts.billing.settlements().run();
        assertThat(early.waiting()).isEqualTo(1);
        assertThat(early.issued()).isZero();
        assertThat(documentsOf(parts, reseller)).as("the advance only").isEqualTo(1);

        parts.clock.advance(Duration.ofMinutes(2));
        parts.dispatcher.dispatchPending();
        SettlementRun later = parts.billing.settlements().run();

        assertThat(later.issued()).isEqualTo(1);
        Invoice settlement = settlement(parts, account);
        List<InvoiceLine> supplies = settlement.lines().subList(0, settlement.lines().size() - 1);
        assertThat(supplies).extracting(InvoiceLine::net).containsExactlyElementsOf(ledgerDraws(plugin, account));
        assertThat(supplies).extracting(InvoiceLine::vatRate).allSatisfy(rate -> assertThat(rate).isEqualByComparingTo("21"));
        assertThat(settlement.gross()).isEqualTo(Money.zero(DKK));
    }

    /** Fails the first delivery the condition picks; every other delivery goes to the listener. */
    private static final class FailingOnce implements EventListener<Event> {

        private final EventListener<Event> listener;
        private final java.util.function.BooleanSupplier fail;

        @SuppressWarnings("unchecked")
        FailingOnce(EventListener<?> listener, java.util.function.BooleanSupplier fail) {
            this.listener = (EventListener<Event>) listener;
            this.fail = fail;
        }

        @Override
        public Class<Event> eventType() {
            return listener.eventType();
        }

        @Override
        public void on(Event event, EventMetadata metadata) throws Exception {
            if (metadata.attempt() == 1 && fail.getAsBoolean()) {
                throw new IllegalStateException("delivery interrupted");
            }
            listener.on(event, metadata);
        }
    }
}
