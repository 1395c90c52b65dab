package org.kontor.host.vouchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/** Voucher rules, one test each, and redemptions: idempotent, given back, and counted right under concurrency (ORD-13). */
@DatabaseTest(migrateHost = true)
class VouchersTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

    private final TestClock clock = TestClock.at(NOW);
    private VoucherStore store;
    private Vouchers vouchers;
    private Database db;

    @BeforeEach
    void clear(Database db) {
        this.db = db;
        db.jdbi().useHandle(h -> {
            for (String table : List.of("voucher", "voucher_customer_use", "voucher_redemption", "voucher_redemption_line")) {
                h.execute("DELETE FROM " + table);
            }
        });
        store = new VoucherStore(db.jdbi(), clock);
        vouchers = new Vouchers(store, clock);
    }

    // ---------------------------------------------------------------- fixtures

    private static Voucher percent(String code, String percent) {
        return new Voucher(code, null, true, new Discount.Percent(new BigDecimal(percent)), null, null, null, null, Set.of(),
                Set.of(), null);
    }

    private static Voucher amount(String code, String amount, String currency) {
        return new Voucher(code, null, true, new Discount.Amount(Money.of(amount, currency)), null, null, null, null, Set.of(),
                Set.of(), null);
    }

    private static Voucher with(Voucher v, Instant from, Instant until, Integer maxUses, Integer perCustomer, Set<String> tlds,
                                Set<ChargeKind> kinds, Money minimum) {
        return new Voucher(v.code(), v.description(), v.enabled(), v.discount(), from, until, maxUses, perCustomer, tlds, kinds,
                minimum);
    }

    private static PricedLine create(String id, String tld, String price) {
        return new PricedLine(id, tld, ChargeKind.DOMAIN_CREATE, Money.of(price, "DKK"));
    }

    private static PricedLine hosting(String id, String price) {
        return new PricedLine(id, null, ChargeKind.HOSTING, Money.of(price, "DKK"));
    }

    private static Money dkk(String amount) {
        return Money.of(amount, "DKK");
    }

    private VoucherRefusal refusal(String code, String customer, List<PricedLine> lines, Instant at) {
        try {
            vouchers.quote(code, customer, lines, at);
        } catch (VoucherRefusedException e) {
            return e.reason();
        }
        throw new AssertionError(code + " was not refused");
    }

    private VoucherQuote redeem(String code, String customer, String orderId, List<PricedLine> lines) throws VoucherRefusedException {
        return db.jdbi().inTransaction(h -> vouchers.redeem(h, code, customer, orderId, lines, NOW));
    }

    private VoucherRefusal redeemRefusal(String code, String customer, String orderId, List<PricedLine> lines) {
        try {
            redeem(code, customer, orderId, lines);
        } catch (VoucherRefusedException e) {
            return e.reason();
        }
        throw new AssertionError(code + " was not refused for " + orderId);
    }

    private int used(String code) {
        return store.find(code).orElseThrow().used();
    }

    // ---------------------------------------------------------------- rules

    @DbTest
    void aPercentageReducesEveryEligibleLine(Database db) throws Exception {
        store.create(percent("TEN", "10"));

        VoucherQuote quote = vouchers.quote("TEN", null, List.of(create("a", "dk", "100.00"), hosting("b", "49.95")), NOW);

        assertThat(quote.code()).isEqualTo("TEN");
        assertThat(quote.discountByLine()).containsExactly(Map.entry("a", dkk("10.00")), Map.entry("b", dkk("5.00")));
        assertThat(quote.discount()).isEqualTo(dkk("15.00"));
    }

    @DbTest
    void anAmountIsTakenOffTheEligibleLinesInOrder(Database db) throws Exception {
        store.create(amount("FIFTY", "50.00", "DKK"));

        VoucherQuote quote = vouchers.quote("FIFTY", null, List.of(create("a", "dk", "30.00"), create("b", "dk", "100.00")), NOW);

        assertThat(quote.discountByLine()).containsExactly(Map.entry("a", dkk("30.00")), Map.entry("b", dkk("20.00")));
        assertThat(quote.discount()).isEqualTo(dkk("50.00"));
        assertThat(vouchers.quote("FIFTY", null, List.of(create("a", "dk", "20.00")), NOW).discount())
                .as("never more than the order").isEqualTo(dkk("20.00"));
    }

    @DbTest
    void codesAreCaseInsensitiveAndTrimmed(Database db) throws Exception {
        store.create(percent(" welcome10 ", "10"));

        assertThat(store.find("WELCOME10")).isPresent();
        assertThat(vouchers.quote("  Welcome10\t", null, List.of(create("a", "dk", "100.00")), NOW).code()).isEqualTo("WELCOME10");
    }

    @DbTest
    void anUnknownCodeIsRefused(Database db) {
        store.create(percent("TEN", "10"));

        assertThat(refusal("ELEVEN", null, List.of(create("a", "dk", "100.00")), NOW)).isEqualTo(VoucherRefusal.UNKNOWN_CODE);
        assertThat(refusal("", null, List.of(create("a", "dk", "100.00")), NOW)).isEqualTo(VoucherRefusal.UNKNOWN_CODE);
        assertThat(refusal("TEN'; --", null, List.of(create("a", "dk", "100.00")), NOW)).isEqualTo(VoucherRefusal.UNKNOWN_CODE);
    }

    @DbTest
    void aDisabledVoucherIsRefused(Database db) throws Exception {
        store.create(percent("TEN", "10"));
        store.setEnabled("ten", false);

        assertThat(refusal("TEN", null, List.of(create("a", "dk", "100.00")), NOW)).isEqualTo(VoucherRefusal.DISABLED);
        store.setEnabled("TEN", true);
        assertThat(vouchers.quote("TEN", null, List.of(create("a", "dk", "100.00")), NOW).discount()).isEqualTo(dkk("10.00"));
    }

    @DbTest
    void theValidityWindowIncludesItsStartAndExcludesItsEnd(Database db) throws Exception {
        Instant from = NOW;
        Instant until = NOW.plus(Duration.ofDays(7));
        store.create(with(percent("WEEK", "10"), from, until, null, null, Set.of(), Set.of(), null));
        List<PricedLine> lines = List.of(create("a", "dk", "100.00"));

        assertThat(refusal("WEEK", null, lines, from.minusMillis(1))).isEqualTo(VoucherRefusal.NOT_YET_VALID);
        assertThat(vouchers.quote("WEEK", null, lines, from).discount()).isEqualTo(dkk("10.00"));
        assertThat(vouchers.quote("WEEK", null, lines, until.minusMillis(1)).discount()).isEqualTo(dkk("10.00"));
        assertThat(refusal("WEEK", null, lines, until)).isEqualTo(VoucherRefusal.EXPIRED);
    }

    @DbTest
    void aTotalLimitIsUsedUp(Database db) throws Exception {
        store.create(with(percent("TWICE", "10"), null, null, 2, null, Set.of(), Set.of(), null));
        List<PricedLine> lines = List.of(create("a", "dk", "100.00"));

        redeem("TWICE", null, "order-1", lines);
        redeem("TWICE", "cust-2", "order-2", lines);

        assertThat(refusal("TWICE", "cust-3", lines, NOW)).isEqualTo(VoucherRefusal.USED_UP);
        assertThat(redeemRefusal("TWICE", "cust-3", "order-3", lines)).isEqualTo(VoucherRefusal.USED_UP);
        assertThat(used("TWICE")).isEqualTo(2);
        assertThat(store.find("TWICE").orElseThrow().remaining()).isZero();
    }

    @DbTest
    void aLimitPerCustomerCountsEachCustomerApart(Database db) throws Exception {
        store.create(with(percent("ONCE", "10"), null, null, null, 1, Set.of(), Set.of(), null));
        List<PricedLine> lines = List.of(create("a", "dk", "100.00"));

        redeem("ONCE", "alice", "order-1", lines);

        assertThat(refusal("ONCE", "alice", lines, NOW)).isEqualTo(VoucherRefusal.USED_UP_FOR_CUSTOMER);
        assertThat(redeemRefusal("ONCE", "alice", "order-2", lines)).isEqualTo(VoucherRefusal.USED_UP_FOR_CUSTOMER);
        assertThat(redeem("ONCE", "bob", "order-3", lines).discount()).isEqualTo(dkk("10.00"));
        assertThat(used("ONCE")).as("the refused order took no use").isEqualTo(2);
    }

    @DbTest
    void aLimitPerCustomerNeedsASignedInCustomer(Database db) throws Exception {
        store.create(with(percent("ONCE", "10"), null, null, null, 1, Set.of(), Set.of(), null));
        List<PricedLine> lines = List.of(create("a", "dk", "100.00"));

        assertThat(refusal("ONCE", null, lines, NOW)).isEqualTo(VoucherRefusal.SIGN_IN_REQUIRED);
        assertThat(refusal("ONCE", " ", lines, NOW)).isEqualTo(VoucherRefusal.SIGN_IN_REQUIRED);
        assertThat(redeemRefusal("ONCE", null, "order-1", lines)).isEqualTo(VoucherRefusal.SIGN_IN_REQUIRED);
        assertThat(vouchers.quote("ONCE", "alice", lines, NOW).discount()).isEqualTo(dkk("10.00"));
    }

    @DbTest
    void aTldRestrictionReducesOnlyLinesOfThoseTlds(Database db) throws Exception {
        store.create(with(amount("DK50", "50.00", "DKK"), null, null, null, null, Set.of("dk"), Set.of(), null));

        VoucherQuote quote = vouchers.quote("DK50", null,
                List.of(create("com", "com", "110.00"), hosting("web", "40.00"), create("dk", "dk", "100.00")), NOW);

        assertThat(quote.discountByLine()).containsExactly(Map.entry("dk", dkk("50.00")));
        assertThat(refusal("DK50", null, List.of(create("com", "com", "110.00"), hosting("web", "40.00")), NOW))
                .isEqualTo(VoucherRefusal.NO_ELIGIBLE_LINE);
        assertThat(vouchers.quote("DK50", null, List.of(create("a", "DK", "100.00")), NOW).discount()).as("TLD in any case")
                .isEqualTo(dkk("50.00"));
    }

    @DbTest
    void aKindRestrictionReducesOnlyLinesOfThoseKinds(Database db) throws Exception {
        store.create(with(percent("NEW", "10"), null, null, null, null, Set.of(), Set.of(ChargeKind.DOMAIN_CREATE), null));
        PricedLine renewal = new PricedLine("renew", "dk", ChargeKind.DOMAIN_RENEW, dkk("89.00"));

        VoucherQuote quote = vouchers.quote("NEW", null, List.of(renewal, create("new", "dk", "100.00"), hosting("web", "40.00")), NOW);

        assertThat(quote.discountByLine()).containsExactly(Map.entry("new", dkk("10.00")));
        assertThat(refusal("NEW", null, List.of(renewal), NOW)).isEqualTo(VoucherRefusal.NO_ELIGIBLE_LINE);
    }

    @DbTest
    void aMinimumOrderIsTheTotalOfAllLinesBeforeDiscount(Database db) throws Exception {
        store.create(with(percent("BIG", "10"), null, null, null, null, Set.of("dk"), Set.of(), dkk("200.00")));

        VoucherRefusedException refused = assertRefused(() ->
                vouchers.quote("BIG", null, List.of(create("a", "dk", "100.00"), hosting("web", "99.99")), NOW));
        VoucherQuote reached = vouchers.quote("BIG", null, List.of(create("a", "dk", "100.00"), hosting("web", "100.00")), NOW);

        assertThat(refused.reason()).isEqualTo(VoucherRefusal.MINIMUM_NOT_REACHED);
        assertThat(refused.minimum()).contains(dkk("200.00"));
        assertThat(refused.messageKey()).isEqualTo("voucher.refused.minimum-not-reached");
        assertThat(reached.discount()).isEqualTo(dkk("10.00"));
    }

    @DbTest
    void anAmountOrMinimumInAnotherCurrencyIsRefused(Database db) throws Exception {
        store.create(amount("DK50", "50.00", "DKK"));
        store.create(with(percent("MIN", "10"), null, null, null, null, Set.of(), Set.of(), dkk("100.00")));
        store.create(percent("ANY", "10"));
        List<PricedLine> euro = List.of(new PricedLine("a", "dk", ChargeKind.DOMAIN_CREATE, Money.of("13.50", "EUR")));

        assertThat(refusal("DK50", null, euro, NOW)).isEqualTo(VoucherRefusal.CURRENCY_MISMATCH);
        assertThat(refusal("MIN", null, euro, NOW)).isEqualTo(VoucherRefusal.CURRENCY_MISMATCH);
        assertThat(vouchers.quote("ANY", null, euro, NOW).discount()).isEqualTo(Money.of("1.35", "EUR"));
    }

    @DbTest
    void anOrderWithNothingToPayHasNoEligibleLine(Database db) {
        store.create(percent("TEN", "10"));

        assertThat(refusal("TEN", null, List.of(), NOW)).isEqualTo(VoucherRefusal.NO_ELIGIBLE_LINE);
        assertThat(refusal("TEN", null, List.of(create("free", "dk", "0.00")), NOW)).isEqualTo(VoucherRefusal.NO_ELIGIBLE_LINE);
    }

    @DbTest
    void aQuoteChangesNothing(Database db) throws Exception {
        store.create(with(percent("ONCE", "10"), null, null, 1, 1, Set.of(), Set.of(), null));
        List<PricedLine> lines = List.of(create("a", "dk", "100.00"));

        vouchers.quote("ONCE", "alice", lines, NOW);
        vouchers.quote("ONCE", "alice", lines, NOW);

        assertThat(used("ONCE")).isZero();
        assertThat(redeem("ONCE", "alice", "order-1", lines).discount()).isEqualTo(dkk("10.00"));
    }

    @DbTest
    void refusalsHaveAMessageKeyPerReason(Database db) {
        for (VoucherRefusal reason : VoucherRefusal.values()) {
            assertThat(new VoucherRefusedException(reason, "X", "detail").messageKey())
                    .isEqualTo("voucher.refused." + reason.name().toLowerCase().replace('_', '-'));
        }
    }

    // ---------------------------------------------------------------- redemptions

    @DbTest
    void redeemingTheSameOrderAgainAnswersTheFirstResultAndCountsOnce(Database db) throws Exception {
        store.create(with(percent("TEN", "10"), null, null, 5, null, Set.of(), Set.of(), null));

        VoucherQuote first = redeem("TEN", "alice", "order-1", List.of(create("a", "dk", "100.00"), create("b", "dk", "50.00")));
        store.put(with(percent("TEN", "50"), null, null, 5, null, Set.of(), Set.of(), null));
        VoucherQuote again = redeem("ten", "alice", "order-1", List.of(create("a", "dk", "100.00")));

        assertThat(again).isEqualTo(first);
        assertThat(again.discountByLine()).containsExactly(Map.entry("a", dkk("10.00")), Map.entry("b", dkk("5.00")));
        assertThat(used("TEN")).isEqualTo(1);
        assertThat(redemptionOf("order-1")).contains(first);
        assertThatThrownBy(() -> { store.create(percent("OTHER", "5")); redeem("OTHER", "alice", "order-1", List.of(create("a", "dk", "100.00"))); })
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TEN");
    }

    @DbTest
    void aRefusedRedemptionWritesNothingAndTheOrdersTransactionGoesOn(Database db) throws Exception {
        store.create(with(percent("ONCE", "10"), null, null, 5, 1, Set.of(), Set.of(), null));
        List<PricedLine> lines = List.of(create("a", "dk", "100.00"));
        redeem("ONCE", "alice", "order-1", lines);

        VoucherRefusal reason = db.jdbi().inTransaction(h -> {
            VoucherRefusal refused = null;
            try {
                vouchers.redeem(h, "ONCE", "alice", "order-2", lines, NOW);
            } catch (VoucherRefusedException e) {
                refused = e.reason();
            }
            // the order goes on without the voucher, in the same transaction
            vouchers.redeem(h, "ONCE", "bob", "order-2", lines, NOW);
            return refused;
        });

        assertThat(reason).isEqualTo(VoucherRefusal.USED_UP_FOR_CUSTOMER);
        assertThat(used("ONCE")).as("alice's refused use was not counted, bob's was").isEqualTo(2);
        String customer = db.jdbi().withHandle(h -> h.createQuery("SELECT customer_id FROM voucher_redemption "
                + "WHERE order_id = 'order-2'").mapTo(String.class).one());
        assertThat(customer).isEqualTo("bob");
    }

    @DbTest
    void redeemingChecksTheRulesAgain(Database db) throws Exception {
        store.create(with(percent("TEN", "10"), null, NOW.plusSeconds(1), null, null, Set.of(), Set.of(), null));
        List<PricedLine> lines = List.of(create("a", "dk", "100.00"));
        vouchers.quote("TEN", null, lines, NOW);

        store.setEnabled("TEN", false);
        assertThat(redeemRefusal("TEN", null, "order-1", lines)).isEqualTo(VoucherRefusal.DISABLED);
        store.setEnabled("TEN", true);
        assertThatThrownBy(() -> db.jdbi().inTransaction(h -> vouchers.redeem(h, "TEN", null, "order-1", lines, NOW.plusSeconds(1))))
                .isInstanceOfSatisfying(VoucherRefusedException.class, e -> assertThat(e.reason()).isEqualTo(VoucherRefusal.EXPIRED));
        assertThat(used("TEN")).isZero();
        assertThat(redemptionOf("order-1")).isEmpty();
    }

    @DbTest
    void releasingGivesTheUseBackOnceAndTheOrderMayRedeemAgain(Database db) throws Exception {
        store.create(with(percent("ONCE", "10"), null, null, 1, 1, Set.of(), Set.of(), null));
        List<PricedLine> lines = List.of(create("a", "dk", "100.00"));
        redeem("ONCE", "alice", "order-1", lines);
        assertThat(redeemRefusal("ONCE", "bob", "order-2", lines)).isEqualTo(VoucherRefusal.USED_UP);

        db.jdbi().useTransaction(h -> vouchers.release(h, "order-1"));
        db.jdbi().useHandle(h -> vouchers.release(h, "order-1"));
        db.jdbi().useHandle(h -> vouchers.release(h, "no-such-order"));

        assertThat(used("ONCE")).isZero();
        assertThat(redemptionOf("order-1")).isEmpty();
        assertThat(redeem("ONCE", "alice", "order-1", lines).discount()).as("alice's use was given back too").isEqualTo(dkk("10.00"));
        assertThat(used("ONCE")).isEqualTo(1);
        assertThat(redeemRefusal("ONCE", "bob", "order-2", lines)).isEqualTo(VoucherRefusal.USED_UP);
    }

    @DbTest
    void concurrentOrdersNeverTakeMoreUsesThanTheLimit(Database db) throws Exception {
        store.create(with(percent("FEW", "10"), null, null, 3, null, Set.of(), Set.of(), null));

        List<Object> outcomes = race(10, i -> "customer-" + i);

        assertThat(outcomes.stream().filter(VoucherQuote.class::isInstance)).hasSize(3);
        assertThat(outcomes.stream().filter(o -> o == VoucherRefusal.USED_UP)).hasSize(7);
        assertThat(used("FEW")).isEqualTo(3);
        assertThat(redemptions()).isEqualTo(3);
    }

    @DbTest
    void concurrentOrdersOfOneCustomerNeverTakeMoreThanTheLimitPerCustomer(Database db) throws Exception {
        store.create(with(percent("ONCE", "10"), null, null, null, 1, Set.of(), Set.of(), null));

        List<Object> outcomes = race(8, i -> "alice");

        assertThat(outcomes.stream().filter(VoucherQuote.class::isInstance)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> o == VoucherRefusal.USED_UP_FOR_CUSTOMER)).hasSize(7);
        assertThat(redemptions()).isEqualTo(1);
    }

    /**
     * Redeems the first voucher in as many orders at once, each in its own transaction that stays open a moment after
     * the redemption (as an order's would), and answers each outcome: the quote or the refusal.
     */
    private List<Object> race(int orders, java.util.function.IntFunction<String> customer) throws Exception {
        String code = store.all().get(0).voucher().code();
        ExecutorService pool = Executors.newFixedThreadPool(orders);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                int n = i;
                Callable<Object> order = () -> {
                    start.await();
                    try {
                        return db.jdbi().inTransaction(h -> {
                            VoucherQuote quote = vouchers.redeem(h, code, customer.apply(n), "order-" + n,
                                    List.of(create("a", "dk", "100.00")), NOW);
                            Thread.sleep(30);
                            return quote;
                        });
                    } catch (VoucherRefusedException e) {
                        return e.reason();
                    }
                };
                futures.add(pool.submit(order));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private java.util.Optional<VoucherQuote> redemptionOf(String orderId) {
        return db.jdbi().withHandle(h -> vouchers.redemption(h, orderId));
    }

    private int redemptions() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM voucher_redemption WHERE released_at IS NULL")
                .mapTo(Integer.class).one());
    }

    private static VoucherRefusedException assertRefused(ThrowingQuote action) {
        try {
            action.run();
        } catch (VoucherRefusedException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    private interface ThrowingQuote {
        void run() throws VoucherRefusedException;
    }
}
