package org.kontor.host.vouchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.host.demo.DemoVouchers;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/** The demo's codes do what the demo promises, and loading them again changes nothing. */
@DatabaseTest(migrateHost = true)
class DemoVouchersTest {

    @DbTest
    void theDemoCodes(Database db) throws Exception {
        db.jdbi().useHandle(h -> h.execute("DELETE FROM voucher"));
        TestClock clock = TestClock.at(Instant.parse("2027-03-01T12:00:00Z"));
        VoucherStore store = new VoucherStore(db.jdbi(), clock);
        Vouchers vouchers = new Vouchers(store, clock);
        new DemoVouchers(store, clock).load();
        store.setEnabled(DemoVouchers.DK50, false);
        new DemoVouchers(store, clock).load();
        assertThat(store.find(DemoVouchers.DK50).orElseThrow().voucher().enabled()).as("the operator's change survives").isFalse();
        store.setEnabled(DemoVouchers.DK50, true);
        Instant now = clock.instant();
        PricedLine dk = new PricedLine("1", "dk", ChargeKind.DOMAIN_CREATE, Money.of("100.00", "DKK"));
        PricedLine com = new PricedLine("2", "com", ChargeKind.DOMAIN_CREATE, Money.of("110.00", "DKK"));
        PricedLine renewal = new PricedLine("3", "dk", ChargeKind.DOMAIN_RENEW, Money.of("89.00", "DKK"));

        assertThat(store.all()).hasSize(3);
        assertThat(vouchers.quote("welcome10", null, List.of(dk, com, renewal), now).discount()).isEqualTo(Money.of("21.00", "DKK"));
        assertThat(vouchers.quote("WELCOME10", null, List.of(dk), Instant.parse("2099-01-01T00:00:00Z")).discount())
                .as("no end date").isEqualTo(Money.of("10.00", "DKK"));
        assertThat(vouchers.quote("dk50", null, List.of(com, dk, renewal), now).discountByLine()).containsOnlyKeys("1");
        assertThat(store.find("DK50").orElseThrow().voucher().maxUses()).isEqualTo(1000);
        assertThatThrownBy(() -> vouchers.quote("EXPIRED", null, List.of(dk), now))
                .isInstanceOfSatisfying(VoucherRefusedException.class, e -> assertThat(e.reason()).isEqualTo(VoucherRefusal.EXPIRED));
    }
}
