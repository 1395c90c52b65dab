package org.kontor.host.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/** The dashboard's figures: issued invoices' net and settled payments per month and currency, drafts and older months left out. */
@DatabaseTest(migrateHost = true)
class DashboardTest {

    private final TestClock clock = TestClock.at(Instant.parse("2030-03-15T10:00:00Z"));

    /** The tests of the class share a database; each counts only its own documents. */
    @BeforeEach
    void empty(Database database) {
        database.jdbi().useHandle(h -> {
            h.execute("DELETE FROM payment WHERE refund_of IS NOT NULL");
            h.execute("DELETE FROM payment");
            h.execute("DELETE FROM invoice");
        });
    }

    @DbTest
    void revenueIsTheNetOfIssuedInvoicesPerMonthOfTheLastTwelve(Database database) {
        invoice(database, "a", "DKK", "2030-03-02T08:00:00Z", 10000);
        invoice(database, "b", "DKK", "2030-03-20T08:00:00Z", 2550);
        invoice(database, "c", "DKK", "2029-12-31T23:59:00Z", 5000);
        invoice(database, "d", "EUR", "2030-01-10T08:00:00Z", 700);
        invoice(database, "old", "DKK", "2029-03-31T23:00:00Z", 99999);
        invoice(database, "draft", "DKK", null, 12345);
        Dashboard dashboard = new Dashboard(database.jdbi(), clock);

        List<Dashboard.Series> revenue = dashboard.revenue();

        assertThat(dashboard.months()).hasSize(12).startsWith(YearMonth.of(2029, 4)).endsWith(YearMonth.of(2030, 3));
        assertThat(revenue).extracting(series -> series.currency().getCurrencyCode()).containsExactly("DKK", "EUR");
        Dashboard.Series dkk = revenue.get(0);
        assertThat(dkk.minorPerMonth()).hasSize(12);
        assertThat(dkk.minorPerMonth().get(YearMonth.of(2030, 3))).isEqualTo(12550L);
        assertThat(dkk.minorPerMonth().get(YearMonth.of(2029, 12))).isEqualTo(5000L);
        assertThat(dkk.minorPerMonth().get(YearMonth.of(2029, 4))).isZero();
        assertThat(dkk.minorPerMonth().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(17550L);
    }

    @DbTest
    void paymentsAreTheSettledOnesLessRefunds(Database database) {
        payment(database, "p1", "PAYMENT", "PROCESSED", 40000, "2030-02-01T10:00:00Z", null);
        payment(database, "p2", "PAYMENT", "PENDING", 1000, null, null);
        payment(database, "r1", "REFUND", "PROCESSED", 5000, "2030-02-03T10:00:00Z", "p1");

        List<Dashboard.Series> payments = new Dashboard(database.jdbi(), clock).payments();

        assertThat(payments).hasSize(1);
        assertThat(payments.get(0).minorPerMonth().get(YearMonth.of(2030, 2))).isEqualTo(35000L);
    }

    @DbTest
    void theChartsBarsAreAsHighAsTheirShareOfTheHighestMonth(Database database) {
        invoice(database, "a", "DKK", "2030-03-02T08:00:00Z", 10000);
        invoice(database, "b", "DKK", "2030-02-02T08:00:00Z", 5000);

        BarChart chart = Dashboard.charts(new Dashboard(database.jdbi(), clock).revenue(), YearMonth::toString,
                (amount, currency) -> amount.toPlainString() + " " + currency.getCurrencyCode()).get(0);

        assertThat(chart.bars()).hasSize(12);
        BarChart.Bar march = chart.bars().get(11);
        BarChart.Bar february = chart.bars().get(10);
        assertThat(march.label()).isEqualTo("2030-03");
        assertThat(march.value()).isEqualTo("100.00 DKK");
        assertThat(february.height() * 2).isEqualTo(march.height());
        assertThat(chart.bars().get(0).height()).isZero();
        assertThat(march.y() + march.height()).isEqualTo(february.y() + february.height());
        assertThat(chart.max()).isEqualTo("100.00 DKK");
        assertThat(BarChart.of("DKK", List.of(new BarChart.Point("x", BigDecimal.ZERO, "0")), "0").bars().get(0).height())
                .isZero();
        assertThat(Currency.getInstance(chart.currency()).getCurrencyCode()).isEqualTo("DKK");
    }

    private static void invoice(Database database, String id, String currency, String issuedAt, long netMinor) {
        database.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO invoice (id, series, number, state, language, currency, net_minor, created_at, issued_at)
                        VALUES (:id, 'INV', :number, :state, 'en', :currency, :net, 0, :issued)""")
                .bind("id", id)
                .bind("number", issuedAt == null ? null : id)
                .bind("state", issuedAt == null ? "DRAFT" : "ISSUED").bind("currency", currency).bind("net", netMinor)
                .bind("issued", issuedAt == null ? null : Instant.parse(issuedAt).toEpochMilli()).execute());
    }

    private static void payment(Database database, String id, String kind, String status, long minor, String settledAt,
                                String refundOf) {
        database.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO payment (id, kind, purpose, target_id, customer_id, gateway_id, method, amount_minor,
                            currency, idempotency_key, status, refund_of, created_at, updated_at, settled_at)
                        VALUES (:id, :kind, 'INVOICE', 'inv-1', 'c-1', 'test', 'card', :minor, 'DKK', :id, :status, :refundOf,
                            0, 0, :settled)""")
                .bind("id", id).bind("kind", kind).bind("minor", minor).bind("status", status).bind("refundOf", refundOf)
                .bind("settled", settledAt == null ? null : Instant.parse(settledAt).toEpochMilli()).execute());
    }
}
