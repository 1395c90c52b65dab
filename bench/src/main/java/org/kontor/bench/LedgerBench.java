package org.kontor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.jdbi.v3.core.statement.SqlLogger;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.funding.FundingRequest;
import org.kontor.api.funding.InsufficientFundsException;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.database.Database;
import org.kontor.database.DatabaseConfig;
import org.kontor.database.Migrations;
import org.kontor.host.events.OutboxEventPublisher;
import org.kontor.host.json.JsonMapping;
import org.kontor.plugins.prepaidaccount.ledger.Account;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.plugins.prepaidaccount.ledger.Reconciliation;
import org.kontor.plugins.prepaidaccount.ledger.ReconciliationReport;

/**
 * Throughput and latency of the prepaid ledger under 32 threads, against the raw rate of one-row INSERT
 * transactions on the same database with the same threads and pool: the ratio says how much of the
 * database's transaction rate the ledger keeps. Prints one row per database. An operation is one hold and
 * its capture or release.
 *
 * <p>Arguments: an optional PostgreSQL JDBC URL (else {@code KONTOR_TEST_PG_URL}; without either, SQLite
 * only). System properties: {@code ops} (ledger operations, default 100000), {@code threads} (32),
 * {@code accounts} (64), {@code slices} (5: the ledger and raw runs alternate in this many slices),
 * {@code warmup} (operations of each kind before measuring, default a fifth of {@code ops}), {@code sqlite}
 * (false: PostgreSQL only), {@code sqlite.pool} and {@code pg.pool} (connection pool sizes),
 * {@code profile} (true: print the time spent per SQL statement during the ledger run).
 */
public final class LedgerBench {

    private static final Currency DKK = Currency.getInstance("DKK");
    private static final Money CREDIT_LINE = Money.of("500.00", "DKK");
    private static final Money DEPOSIT = Money.of("10000000.00", "DKK");

    private final int operations;
    private final int threads;
    private final int accounts;
    private final int rounds = Integer.getInteger("slices", 5);

    private LedgerBench(int operations, int threads, int accounts) {
        this.operations = operations;
        this.threads = threads;
        this.accounts = accounts;
    }

    public static void main(String[] args) throws Exception {
        LedgerBench bench = new LedgerBench(Integer.getInteger("ops", 100_000), Integer.getInteger("threads", 32),
                Integer.getInteger("accounts", 64));
        String pgUrl = args.length > 0 ? args[0] : System.getenv("KONTOR_TEST_PG_URL");
        List<Result> results = new ArrayList<>();
        if (!"false".equals(System.getProperty("sqlite"))) {
            results.add(bench.onSqlite(Integer.getInteger("sqlite.pool", 1)));
        }
        if (pgUrl != null && !pgUrl.isBlank()) {
            results.add(bench.onPostgresql(pgUrl, Integer.getInteger("pg.pool", 16)));
        }
        System.out.printf("%n%d threads, %d ledger operations (hold+capture or hold+release, two ledger calls each) "
                + "over %d accounts%n", bench.threads, bench.operations, bench.accounts);
        System.out.printf("%-11s %5s %13s %14s %8s %8s %16s %6s %21s %12s %12s%n", "database", "pool", "ledger ops/s",
                "ledger calls/s", "p50 ms", "p99 ms", "raw insert tx/s", "ratio", "invariant violations",
                "CPU µs/op", "CPU µs/raw");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-11s %5d %13.0f %14.0f %8.2f %8.2f %16.0f %6.2f %21d %12.0f %12.0f%n",
                    r.database(), r.pool(), r.ledgerOpsPerSecond(), 2 * r.ledgerOpsPerSecond(), r.p50Millis(),
                    r.p99Millis(), r.rawTxPerSecond(), r.ledgerOpsPerSecond() / r.rawTxPerSecond(), r.violations(),
                    r.ledgerCpuMicros(), r.rawCpuMicros());
        }
        System.out.println("goal: ratio >= 0.50 and 0 invariant violations on every database");
    }

    private Result onSqlite(int pool) throws Exception {
        Path dir = Files.createTempDirectory("kontor-ledger-bench");
        try (Database database = new Database(DatabaseConfig.sqlite(dir.resolve("bench.db"), pool))) {
            return run("sqlite", pool, database);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private Result onPostgresql(String baseUrl, int pool) throws Exception {
        String schema = "ledger_bench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        execute(baseUrl, "CREATE SCHEMA " + schema);
        try (Database database = new Database(new DatabaseConfig(
                baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema, null, null, pool))) {
            return run("postgresql", pool, database);
        } finally {
            execute(baseUrl, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private Result run(String name, int pool, Database database) throws Exception {
        Migrations migrations = new Migrations(database);
        migrations.migrateHost(LedgerBench.class.getClassLoader());
        migrations.migratePlugin("prepaid-account", LedgerBench.class.getClassLoader());
        Clock clock = Clock.systemUTC();
        // Captures publish PrepaidCharged through the host's outbox, as in production.
        Ledger ledger = new Ledger(database.jdbi(), clock,
                new OutboxEventPublisher(database.jdbi(), JsonMapping.create(), clock, id -> { }), Duration.ofHours(72));
        List<String> owners = openAccounts(ledger);
        StatementProfile profile = Boolean.getBoolean("profile") ? new StatementProfile() : null;

        database.jdbi().useHandle(h -> h.execute(
                "CREATE TABLE bench_raw_insert (id TEXT PRIMARY KEY, account_id TEXT NOT NULL, amount_minor BIGINT NOT NULL, created_at BIGINT NOT NULL)"));
        System.out.printf("%s (pool %d): warming up%n", name, pool);
        // A fifth of the measured operations: with less, the JIT compiler was still at work in the measured slices.
        int warmUp = Integer.getInteger("warmup", Math.max(threads * 20, operations / 5));
        ledgerRun(ledger, owners, "warm", warmUp);
        rawRun(database, "warm", warmUp);
        // The two runs alternate in slices, so that both see the same load from whatever else the machine runs.
        System.out.printf("%s (pool %d): %d ledger operations and %d single-row INSERT transactions in %d alternating "
                + "slices%n", name, pool, operations, operations, rounds);
        Timed ledgerRun = null;
        Timed rawRun = null;
        CpuTime.Used ledgerCpu = null;
        CpuTime.Used rawCpu = null;
        for (int round = 0; round < rounds; round++) {
            int slice = operations / rounds + (round < operations % rounds ? 1 : 0);
            if (profile != null) {
                database.jdbi().setSqlLogger(profile);
            }
            CpuTime before = CpuTime.now();
            ledgerRun = Timed.add(ledgerRun, ledgerRun(ledger, owners, "run" + round, slice));
            ledgerCpu = CpuTime.now().since(before).plus(ledgerCpu);
            if (profile != null) {
                database.jdbi().setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
            }
            before = CpuTime.now();
            rawRun = Timed.add(rawRun, rawRun(database, "run" + round, slice));
            rawCpu = CpuTime.now().since(before).plus(rawCpu);
        }
        int measured = ledgerRun.sortedNanos().length;
        double ledgerCpuMicros = (ledgerCpu.jvmNanos() + ledgerCpu.postgresNanos()) / 1e3 / measured;
        double rawCpuMicros = (rawCpu.jvmNanos() + rawCpu.postgresNanos()) / 1e3 / rawRun.sortedNanos().length;
        System.out.printf(Locale.ROOT, "%s: CPU per ledger operation %.0f µs (this JVM %.0f, PostgreSQL processes %.0f); "
                        + "per raw insert transaction %.0f µs (this JVM %.0f, PostgreSQL processes %.0f)%n", name,
                ledgerCpuMicros, ledgerCpu.jvmNanos() / 1e3 / measured, ledgerCpu.postgresNanos() / 1e3 / measured,
                rawCpuMicros, rawCpu.jvmNanos() / 1e3 / rawRun.sortedNanos().length,
                rawCpu.postgresNanos() / 1e3 / rawRun.sortedNanos().length);
        if (profile != null) {
            System.out.printf("%s: time inside the database driver per statement during the ledger run%n", name);
            profile.print(25);
        }

        long violations = violations(database, ledger, clock) + ledgerRun.failures() + rawRun.failures();
        return new Result(name, pool, ledgerRun.perSecond(), ledgerRun.percentileMillis(50),
                ledgerRun.percentileMillis(99), rawRun.perSecond(), violations, ledgerCpuMicros, rawCpuMicros);
    }

    private List<String> openAccounts(Ledger ledger) {
        ledger.createScheme("bench", "Benchmark resellers", DKK, Money.zero(DKK), true, CREDIT_LINE);
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            String owner = "reseller-" + i;
            Account account = ledger.activate(ledger.apply(owner, "bench").id(), "bench");
            ledger.topUp(account.id(), "deposit-" + owner, DEPOSIT, null, "bench");
            owners.add(owner);
        }
        return owners;
    }

    /**
     * Operations of hold+capture (60 %) and hold+release (40 %): an operation is a hold and its settlement,
     * two ledger calls, and its latency is theirs together.
     */
    private Timed ledgerRun(Ledger ledger, List<String> owners, String prefix, int count) throws Exception {
        DomainName domain = DomainName.of("bench-example.dk");
        return timed(count, 1, (thread, i) -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String owner = owners.get(random.nextInt(owners.size()));
            String key = prefix + "-" + thread + "-" + i;
            ChargeKind kind = random.nextInt(4) == 0 ? ChargeKind.DOMAIN_RENEW : ChargeKind.DOMAIN_CREATE;
            Money amount = Money.ofMinor(1_000 + random.nextInt(19_000), DKK);
            long start = System.nanoTime();
            try {
                ledger.hold(FundingRequest.domain(IdempotencyKey.of(key), owner, kind, amount, domain, Period.years(1)));
            } catch (InsufficientFundsException e) {
                throw new IllegalStateException("the bench accounts are topped up to never run short", e);
            }
            if (random.nextInt(10) < 6) {
                ledger.capture(key);
            } else {
                ledger.release(key);
            }
            return new long[] {System.nanoTime() - start};
        });
    }

    private Timed rawRun(Database database, String prefix, int count) throws Exception {
        return timed(count, 1, (thread, i) -> {
            long start = System.nanoTime();
            database.jdbi().useTransaction(h -> h.createUpdate(
                            "INSERT INTO bench_raw_insert (id, account_id, amount_minor, created_at) VALUES (:id, :account, :amount, :at)")
                    .bind("id", prefix + "-" + thread + "-" + i).bind("account", "reseller-" + (i % accounts))
                    .bind("amount", 1_000L + i).bind("at", System.currentTimeMillis()).execute());
            return new long[] {System.nanoTime() - start};
        });
    }

    private interface Work {
        /** Does one unit and returns the latency in nanoseconds of each operation in it. */
        long[] run(int thread, int index) throws Exception;
    }

    /** Runs {@code units} units of work spread over the threads; each unit has {@code perUnit} operations. */
    private Timed timed(int units, int perUnit, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<long[]>> futures = new ArrayList<>();
        int[] failures = new int[threads];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            int share = units / threads + (t < units % threads ? 1 : 0);
            futures.add(pool.submit((Callable<long[]>) () -> {
                long[] latencies = new long[share * perUnit];
                start.await();
                for (int i = 0; i < share; i++) {
                    try {
                        System.arraycopy(work.run(thread, i), 0, latencies, i * perUnit, perUnit);
                    } catch (Exception e) {
                        if (failures[thread]++ == 0) {
                            e.printStackTrace();
                        }
                    }
                }
                return latencies;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> future : futures) {
            all.add(future.get());
        }
        long elapsed = System.nanoTime() - began;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Timed(merged, elapsed, Arrays.stream(failures).sum());
    }

    /**
     * Reconciliation problems and stale holds, active holds left after every pair was settled, and any
     * running balance below the credit line (the most a renewal may overdraw; creations may not at all).
     */
    private long violations(Database database, Ledger ledger, Clock clock) {
        ReconciliationReport report = new Reconciliation(database.jdbi(), clock).run();
        report.problems().forEach(problem -> System.out.println("reconciliation: " + problem));
        long belowCredit = database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM prepaid_account_entry WHERE balance_after_minor < :floor")
                .bind("floor", CREDIT_LINE.negate().toMinorUnits()).mapTo(Long.class).one());
        long stillHeld = ledger.accounts().stream().filter(account -> !account.held().isZero()).count();
        return report.problems().size() + report.staleHolds().size() + belowCredit + stillHeld;
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private record Timed(long[] sortedNanos, long elapsedNanos, int failures) {

        /** Two runs as one: their operations and elapsed times together. */
        static Timed add(Timed a, Timed b) {
            if (a == null) {
                return b;
            }
            long[] merged = java.util.stream.LongStream.concat(Arrays.stream(a.sortedNanos), Arrays.stream(b.sortedNanos))
                    .sorted().toArray();
            return new Timed(merged, a.elapsedNanos + b.elapsedNanos, a.failures + b.failures);
        }

        double perSecond() {
            return sortedNanos.length / (elapsedNanos / 1e9);
        }

        double percentileMillis(int percentile) {
            int index = (int) Math.ceil(sortedNanos.length * percentile / 100.0) - 1;
            return sortedNanos[Math.max(0, index)] / 1e6;
        }
    }

    private record Result(String database, int pool, double ledgerOpsPerSecond, double p50Millis, double p99Millis,
                          double rawTxPerSecond, long violations, double ledgerCpuMicros, double rawCpuMicros) {
    }
}
