package org.kontor.host.admin;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Jdbi;

/**
 * The figures of the admin dashboard: the net of the invoices issued per month and the payments received per month,
 * for the last twelve months (UTC) and per currency.
 */
public final class Dashboard {

    static final int MONTHS = 12;

    private final Jdbi jdbi;
    private final Clock clock;

    /** Amounts in minor units per currency and month. */
    public record Series(Currency currency, Map<YearMonth, Long> minorPerMonth) {
    }

    public Dashboard(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The months shown, oldest first, ending with this one. */
    public List<YearMonth> months() {
        YearMonth now = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        List<YearMonth> months = new ArrayList<>();
        for (int i = MONTHS - 1; i >= 0; i--) {
            months.add(now.minusMonths(i));
        }
        return months;
    }

    /** Net of issued invoices (credit notes count against it) per month of issue. */
    public List<Series> revenue() {
        return series("SELECT currency, issued_at AS at, net_minor AS minor FROM invoice "
                + "WHERE issued_at IS NOT NULL AND issued_at >= :since AND net_minor IS NOT NULL");
    }

    /** Payments received (settled), less refunds, per month of settlement. */
    public List<Series> payments() {
        return series("SELECT currency, settled_at AS at, CASE WHEN kind = 'REFUND' THEN -amount_minor ELSE amount_minor END "
                + "AS minor FROM payment WHERE status = 'PROCESSED' AND settled_at IS NOT NULL AND settled_at >= :since");
    }

    private List<Series> series(String sql) {
        List<YearMonth> months = months();
        long since = months.get(0).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        Map<String, Map<YearMonth, Long>> byCurrency = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery(sql).bind("since", since).map((rs, statement) -> {
            YearMonth month = YearMonth.from(Instant.ofEpochMilli(rs.getLong("at")).atZone(ZoneOffset.UTC));
            byCurrency.computeIfAbsent(rs.getString("currency"), currency -> new TreeMap<>())
                    .merge(month, rs.getLong("minor"), Long::sum);
            return 0;
        }).list());
        List<Series> series = new ArrayList<>();
        byCurrency.forEach((currency, perMonth) -> {
            Map<YearMonth, Long> full = new TreeMap<>();
            months.forEach(month -> full.put(month, perMonth.getOrDefault(month, 0L)));
            series.add(new Series(Currency.getInstance(currency), full));
        });
        return series;
    }

    /**
     * The series as bar charts.
     *
     * @param monthLabel a month's label in the reader's language
     * @param format     an amount in the reader's language
     */
    public static List<BarChart> charts(List<Series> series, java.util.function.Function<YearMonth, String> monthLabel,
                                        BiFunction<BigDecimal, Currency, String> format) {
        List<BarChart> charts = new ArrayList<>();
        for (Series one : series) {
            int digits = Math.max(0, one.currency().getDefaultFractionDigits());
            List<BarChart.Point> points = new ArrayList<>();
            BigDecimal max = BigDecimal.ZERO;
            for (Map.Entry<YearMonth, Long> month : one.minorPerMonth().entrySet()) {
                BigDecimal value = BigDecimal.valueOf(month.getValue(), digits);
                max = max.max(value);
                points.add(new BarChart.Point(monthLabel.apply(month.getKey()), value, format.apply(value, one.currency())));
            }
            charts.add(BarChart.of(one.currency().getCurrencyCode(), points, format.apply(max, one.currency())));
        }
        return charts;
    }
}
