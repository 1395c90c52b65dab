package org.kontor.host.addons;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.event.PaymentSucceeded;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceState;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.CustomerHost;
import org.kontor.host.customers.SignUp;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * Add-on services renew by invoice: ahead of the end of the paid period one invoice for the next period is issued at
 * the product's price with the customer's VAT; paid in full, the service runs to the end of that period, once. A
 * service cancelled at the end of its period is not invoiced again.
 */
@DatabaseTest(migrateHost = true)
class AddonRenewalsTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Currency DKK = Currency.getInstance("DKK");

    private final TestClock clock = TestClock.at(Instant.parse("2031-01-10T08:00:00Z"));
    private KontorHost host;

    @BeforeEach
    void start(Database database) throws Exception {
        host = CustomerHost.start(database, clock, Map.of());
        host.addons().put(new AddonProduct("hosting-year", ChargeKind.HOSTING, "Web hosting Plus", "", false, true, 9),
                Map.of(DKK, new AddonPrice(Money.of("600.00", "DKK"), 12)));
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @DbTest
    void aServiceIsInvoicedOnceAheadOfItsPeriodAndRunsOnWhenPaid(Database database) {
        Customer customer = customer();
        AddonService service = booked(customer, "order-r" + SEQUENCE.incrementAndGet());
        Instant renewsAt = service.renewsAt();
        AddonRenewals renewals = host.addonRenewals();

        clock.advance(Duration.between(clock.instant(), renewsAt.minus(Duration.ofDays(20))));
        assertThat(renewals.invoiceDue(Duration.ofDays(14), 100)).as("not yet within the notice").isZero();
        clock.advance(Duration.ofDays(7));
        assertThat(renewals.invoiceDue(Duration.ofDays(14), 100)).isEqualTo(1);
        assertThat(renewals.invoiceDue(Duration.ofDays(14), 100)).as("once per period").isZero();

        AddonRenewals.Renewal renewal = renewals.renewalsOf(service.id()).get(0);
        assertThat(renewal.periodStart()).isEqualTo(renewsAt);
        assertThat(renewal.periodEnd()).isEqualTo(renewsAt.atZone(ZoneOffset.UTC).plusMonths(12).toInstant());
        Invoice invoice = host.billing().store().find(renewal.invoiceId()).orElseThrow();
        assertThat(invoice.state()).isEqualTo(InvoiceState.ISSUED);
        assertThat(invoice.customerId()).isEqualTo(customer.id());
        assertThat(invoice.net()).isEqualTo(Money.of("600.00", "DKK"));
        assertThat(invoice.vat()).as("Danish VAT").isEqualTo(Money.of("150.00", "DKK"));
        assertThat(invoice.lines()).singleElement().satisfies(line ->
                assertThat(line.description()).contains("Web hosting Plus").contains("12"));

        RenewalPaid listener = new RenewalPaid(renewals);
        host.billing().store().recordPayment(invoice.id(), Money.of("700.00", "DKK"));
        listener.on(new PaymentSucceeded("pay-part", customer.id(), invoice.id(), Money.of("700.00", "DKK"), "bank"), null);
        assertThat(host.serviceOperations().store().find(service.id()).orElseThrow().renewsAt()).as("partly paid")
                .isEqualTo(renewsAt);

        host.billing().store().recordPayment(invoice.id(), Money.of("50.00", "DKK"));
        listener.on(new PaymentSucceeded("pay-rest", customer.id(), invoice.id(), Money.of("50.00", "DKK"), "bank"), null);
        assertThat(host.serviceOperations().store().find(service.id()).orElseThrow().renewsAt())
                .isEqualTo(renewal.periodEnd());
        assertThat(renewals.paid(invoice.id())).as("a renewal runs on once").isFalse();
        assertThat(host.serviceOperations().store().find(service.id()).orElseThrow().renewsAt())
                .isEqualTo(renewal.periodEnd());
        assertThat(renewals.invoiceDue(Duration.ofDays(14), 100)).as("the next period is far off").isZero();
    }

    @DbTest
    void aCancelledServiceIsNotInvoicedAgain(Database database) {
        Customer customer = customer();
        AddonService service = booked(customer, "order-c" + SEQUENCE.incrementAndGet());
        host.serviceOperations().cancelAtPeriodEnd(service.id());

        clock.advance(Duration.between(clock.instant(), service.renewsAt().minus(Duration.ofDays(3))));

        assertThat(host.addonRenewals().invoiceDue(Duration.ofDays(14), 100)).isZero();
        assertThat(host.addonRenewals().renewalsOf(service.id())).isEmpty();
    }

    private Customer customer() {
        return host.customers().signUp(new SignUp("fornyelse" + SEQUENCE.incrementAndGet() + "@example.dk",
                "a long enough password", "Frede Fornyer", null, "DK", "da", "DKK"));
    }

    private AddonService booked(Customer customer, String orderId) {
        host.serviceOperations().store().jdbi().useHandle(h ->
                host.addons().activate(h, customer.id(), "hosting-year", null, orderId, 1, 12));
        return host.serviceOperations().store().byLine(orderId, 1).orElseThrow();
    }
}
