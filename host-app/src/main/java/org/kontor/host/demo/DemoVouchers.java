package org.kontor.host.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;
import org.kontor.host.vouchers.Discount;
import org.kontor.host.vouchers.Voucher;
import org.kontor.host.vouchers.VoucherStore;

/**
 * The demo's voucher codes: {@value #WELCOME} (10 % off every domain registration, no end date), {@value #DK50}
 * (50 DKK off .dk registrations, 1,000 uses) and {@value #EXPIRED} (ended 30 days before the demo data was first
 * loaded). A code already there is left as it is.
 */
public final class DemoVouchers {

    public static final String WELCOME = "WELCOME10";
    public static final String DK50 = "DK50";
    public static final String EXPIRED = "EXPIRED";

    private final VoucherStore vouchers;
    private final Clock clock;

    public DemoVouchers(VoucherStore vouchers, Clock clock) {
        this.vouchers = vouchers;
        this.clock = clock;
    }

    public void load() {
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        vouchers.create(new Voucher(WELCOME, "10 % off domain registrations", true, new Discount.Percent(BigDecimal.TEN),
                null, null, null, null, Set.of(), Set.of(ChargeKind.DOMAIN_CREATE), null));
        vouchers.create(new Voucher(DK50, "50 DKK off a .dk registration", true, new Discount.Amount(Money.of("50.00", "DKK")),
                null, null, 1000, null, Set.of("dk"), Set.of(ChargeKind.DOMAIN_CREATE), null));
        vouchers.create(new Voucher(EXPIRED, "A spring campaign that has ended", true,
                new Discount.Percent(BigDecimal.valueOf(20)), today.minus(Duration.ofDays(60)),
                today.minus(Duration.ofDays(30)), null, null, Set.of(), Set.of(), null));
    }
}
