package org.kontor.bench;

import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/** Counts and times every statement Jdbi runs, to show which ones a workload spends its database time on. */
final class StatementProfile implements SqlLogger {

    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void logAfterExecution(StatementContext context) {
        String sql = context.getRenderedSql().replaceAll("\\s+", " ").strip();
        String shape = sql.length() > 110 ? sql.substring(0, 110) + "…" : sql;
        nanos.computeIfAbsent(shape, k -> new LongAdder()).add(context.getElapsedTime(ChronoUnit.NANOS));
        counts.computeIfAbsent(shape, k -> new LongAdder()).increment();
    }

    void print(int top) {
        long total = nanos.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.printf(Locale.ROOT, "%10s %9s %8s %6s  %s%n", "total ms", "count", "mean µs", "share", "statement");
        nanos.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> e) -> e.getValue().sum()).reversed())
                .limit(top)
                .forEach(e -> {
                    long n = counts.get(e.getKey()).sum();
                    long ns = e.getValue().sum();
                    System.out.printf(Locale.ROOT, "%10.0f %9d %8.1f %5.1f%%  %s%n", ns / 1e6, n, ns / 1e3 / n,
                            100.0 * ns / total, e.getKey());
                });
    }
}
