package org.kontor.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.event.PrepaidCharged;
import org.kontor.api.event.PrepaidMonthClosed;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.database.DatabaseConfig;
import org.kontor.database.Migrations;
import org.kontor.host.billing.BillingConfig;
import org.kontor.host.billing.InvoiceNumbers;
import org.kontor.host.billing.InvoiceStore;
import org.kontor.host.billing.InvoiceTexts;
import org.kontor.host.billing.Invoicing;
import org.kontor.host.billing.Party;
import org.kontor.host.billing.Seller;
import org.kontor.host.billing.pdf.InvoicePdf;
import org.kontor.host.billing.prepaid.CustomerResellers;
import org.kontor.host.billing.prepaid.DocumentRenderer;
import org.kontor.host.billing.prepaid.PrepaidBillingConfig;
import org.kontor.host.billing.prepaid.PrepaidDraws;
import org.kontor.host.billing.prepaid.RenderedDocuments;
import org.kontor.host.billing.prepaid.SettlementRun;
import org.kontor.host.billing.prepaid.Settlements;
import org.kontor.host.billing.profile.BillingProfiles;
import org.kontor.host.billing.vat.EuVatRates;
import org.kontor.host.billing.vat.OfflineVatIdValidator;
import org.kontor.host.customers.Customers;
import org.kontor.host.i18n.SupportedLanguages;
import org.kontor.host.plugins.PluginResources;
import org.kontor.host.security.LoginThrottle;
import org.kontor.host.security.PasswordHasher;
import org.kontor.host.themes.ActiveTheme;
import org.kontor.host.themes.ThemeEngine;
import org.kontor.host.themes.ThemeRegistry;

/**
 * A month's settlement run of the prepaid accounts (PA-13): {@code accounts} resellers (60 % Danish, 20 % German
 * businesses with a VAT id, 20 % Czech consumers) with about {@code draws} draws each in one closed month, settled by
 * the real {@link Settlements} with the default theme's PDFs rendered on 2 threads. Prints documents/s, where the time
 * went (issuing: the database side; rendering: summed over the PDF threads), the peak heap (sum of the heap pools'
 * peaks, garbage included, so it follows -Xmx) and the live heap (the most in use right after a collection); then runs the month again, which must create no document.
 *
 * <p>Arguments: an optional PostgreSQL JDBC URL (else {@code KONTOR_TEST_PG_URL}; without either, SQLite only).
 * System properties: {@code accounts} (10000), {@code draws} (5), {@code sqlite} (false: PostgreSQL only),
 * {@code sqlite.pool} (2), {@code pg.pool} (4), {@code batch} (200), {@code pdf.threads} (2), {@code pdfs} (false:
 * documents are issued without PDFs, to measure the database side alone), {@code profile} (true: print the time spent
 * per SQL statement during the run).
 */
public final class BillingRunBench {

    private static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    private static final YearMonth MONTH = YearMonth.of(2027, 3);

    private static final LiveHeap LIVE_HEAP = new LiveHeap();
    private static final java.util.logging.Logger OPENHTMLTOPDF = java.util.logging.Logger.getLogger("com.openhtmltopdf");

    private final int accounts;
    private final int draws;

    private BillingRunBench(int accounts, int draws) {
        this.accounts = accounts;
        this.draws = draws;
    }

    public static void main(String[] args) throws Exception {
        OPENHTMLTOPDF.setLevel(Level.WARNING); // it logs several INFO lines per document
        BillingRunBench bench = new BillingRunBench(Integer.getInteger("accounts", 10_000), Integer.getInteger("draws", 5));
        String pgUrl = args.length > 0 ? args[0] : System.getenv("KONTOR_TEST_PG_URL");
        List<Result> results = new ArrayList<>();
        if (!"false".equals(System.getProperty("sqlite"))) {
            results.add(bench.onSqlite(Integer.getInteger("sqlite.pool", 2)));
        }
        if (pgUrl != null && !pgUrl.isBlank()) {
            results.add(bench.onPostgresql(pgUrl, Integer.getInteger("pg.pool", 4)));
        }
        System.out.printf("%nmonthly settlement of %d prepaid accounts, about %d draws each, " + (Boolean.parseBoolean(
                System.getProperty("pdfs", "true")) ? "" : "NO ") + "PDFs on %d threads, "
                        + "max heap %d MB, %d processors%n", bench.accounts, bench.draws,
                Integer.getInteger("pdf.threads", 2), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-11s %9s %11s %10s %13s %13s %14s %17s %15s %14s%n", "database", "documents",
                "invoices/s", "run s", "issue ms/doc", "PDF ms/doc", "peak heap MB", "live heap MB (GC)",
                "second run docs", "draws matched");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-11s %9d %11.1f %10.1f %13.2f %13.2f %14.0f %17.0f %15d %14s%n",
                    r.database(), r.run().issued(), r.run().issued() / (r.run().wallNanos() / 1e9),
                    r.run().wallNanos() / 1e9, r.run().issueNanos() / 1e6 / Math.max(1, r.run().issued()),
                    r.run().pdfNanos() / 1e6 / Math.max(1, r.run().pdfs()), r.peakHeapBytes() / 1048576.0,
                    r.liveHeapBytes() / 1048576.0, r.secondRunDocuments(), r.matched() ? "yes" : "NO");
        }
        System.out.println("goal: >= 150 invoices/s on 2 cores with heap <= 512 MB; the second run creates 0 documents");
    }

    private Result onSqlite(int pool) throws Exception {
        Path dir = Files.createTempDirectory("kontor-billing-bench");
        try (Database database = new Database(DatabaseConfig.sqlite(dir.resolve("bench.db"), pool))) {
            return run("sqlite", database);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private Result onPostgresql(String baseUrl, int pool) throws Exception {
        String schema = "billing_bench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        execute(baseUrl, "CREATE SCHEMA " + schema);
        try (Database database = new Database(new DatabaseConfig(
                baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema, null, null, pool))) {
            return run("postgresql", database);
        } finally {
            execute(baseUrl, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private Result run(String name, Database database) throws Exception {
        new Migrations(database).migrateHost(BillingRunBench.class.getClassLoader());
        Clock clock = Clock.fixed(Instant.parse("2027-04-01T03:00:00Z"), ZONE);
        Path themes = Files.createTempDirectory("kontor-billing-bench-themes");
        ActiveTheme theme = new ThemeEngine(new ThemeRegistry(themes, BillingRunBench.class.getClassLoader()),
                noPlugins(), () -> "default", Duration.ofSeconds(5)).active();
        InvoiceTexts texts = (language, key, textArgs) -> theme.messages().get(language, key, textArgs);
        BillingConfig config = new BillingConfig(seller(), InvoiceNumbers.defaults(), 14, ZONE);
        Invoicing invoicing = new Invoicing(new InvoiceStore(database.jdbi(), database.dialect(), clock,
                InvoiceNumbers.defaults()), config, EuVatRates.standard(), new OfflineVatIdValidator(clock), texts, clock);
        Customers customers = new Customers(database.jdbi(), clock, new PasswordHasher(
                new PasswordHasher.Parameters(1024, 1, 1), new SecureRandom()), LoginThrottle.standard(database.jdbi(),
                clock), SupportedLanguages.standard());
        PrepaidDraws prepaidDraws = new PrepaidDraws(database.jdbi(), ZONE);
        Settlements settlements = new Settlements(database.jdbi(), prepaidDraws, invoicing,
                new CustomerResellers(customers, new BillingProfiles(database.jdbi(), customers, clock)), texts,
                renderer(new InvoicePdf(() -> theme)), RenderedDocuments.NONE, clock,
                new PrepaidBillingConfig(0, Integer.getInteger("batch", 200), Integer.getInteger("pdf.threads", 2)));

        System.out.printf("%s: %d resellers with about %d draws each in %s%n", name, accounts, draws, MONTH);
        long expectedDraws = load(database, prepaidDraws, settlements);

        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        LIVE_HEAP.reset();
        System.out.printf("%s: settling%n", name);
        StatementProfile profile = Boolean.getBoolean("profile") ? new StatementProfile() : null;
        if (profile != null) {
            database.jdbi().setSqlLogger(profile);
        }
        SettlementRun run = settlements.run();
        if (profile != null) {
            database.jdbi().setSqlLogger(org.jdbi.v3.core.statement.SqlLogger.NOP_SQL_LOGGER);
            System.out.printf("%s: time inside the database driver per statement during the run%n", name);
            profile.print(30);
        }
        long peakHeap = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        long liveHeap = LIVE_HEAP.max();
        System.out.printf(Locale.ROOT, "%s: %d documents in %.1f s; issuing %.1f s, rendering %.1f s over the PDF threads "
                        + "(%d PDFs, %d failed, %.1f KB each); %d waiting, %d failed%n", name, run.issued(),
                run.wallNanos() / 1e9, run.issueNanos() / 1e9, run.pdfNanos() / 1e9, run.pdfs(), run.pdfFailures(),
                run.pdfBytes() / 1024.0 / Math.max(1, run.pdfs()), run.waiting(), run.failed());

        int before = count(database, "SELECT COUNT(*) FROM invoice");
        SettlementRun again = settlements.run();
        int created = count(database, "SELECT COUNT(*) FROM invoice") - before + again.issued();
        System.out.printf("%s: the same month again created %d documents%n", name, created);
        // Every settlement lists all its account's draws and has zero to pay.
        long listed = count(database, "SELECT COUNT(*) FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id "
                + "WHERE i.series = 'SETTLEMENT' AND l.net_minor > 0");
        int notZero = count(database, "SELECT COUNT(*) FROM invoice WHERE series = 'SETTLEMENT' AND gross_minor <> 0");
        boolean matched = listed == expectedDraws && notZero == 0 && run.issued() == accounts;
        return new Result(name, run, peakHeap, liveHeap, created, matched);
    }

    /** The resellers, their month's draws and the closed months, as the listeners record them. */
    private long load(Database database, PrepaidDraws prepaidDraws, Settlements settlements) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long total = 0;
        int chunk = 500;
        for (int from = 0; from < accounts; from += chunk) {
            int start = from;
            int end = Math.min(accounts, from + chunk);
            total += database.jdbi().inTransaction(h -> {
                long inserted = 0;
                for (int i = start; i < end; i++) {
                    String owner = "reseller-" + i;
                    String country = i % 5 == 3 ? "DE" : i % 5 == 4 ? "CZ" : "DK";
                    String currency = country.equals("DK") ? "DKK" : "EUR";
                    String language = country.equals("DK") ? "da" : country.equals("DE") ? "de" : "cs";
                    h.createUpdate("INSERT INTO customer (id, email, email_key, password_hash, name, company, country, "
                                    + "language, currency, role, created_at) VALUES (:id, :email, :email, 'x', :name, "
                                    + ":company, :country, :language, :currency, 'RESELLER', 0)")
                            .bind("id", owner).bind("email", owner + "@example.com").bind("name", "Reseller " + i)
                            .bind("company", country.equals("CZ") ? null : "Reseller " + i + " " + country)
                            .bind("country", country).bind("language", language).bind("currency", currency).execute();
                    h.createUpdate("INSERT INTO billing_profile (customer_id, street, postal_code, city, vat_id, "
                                    + "updated_at) VALUES (:id, 'Street 1', '1000', 'City', :vat, 0)")
                            .bind("id", owner).bind("vat", country.equals("DE") ? "DE136695976" : null).execute();
                    String account = "account-" + i;
                    int count = Math.max(1, draws - 2 + random.nextInt(5));
                    Money sum = Money.zero(Currency.getInstance(currency));
                    for (int d = 0; d < count; d++) {
                        Money net = Money.ofMinor(100 + random.nextInt(50_000), Currency.getInstance(currency));
                        Instant at = MONTH.atDay(1 + random.nextInt(28)).atStartOfDay(ZONE).toInstant()
                                .plusSeconds(random.nextInt(86_400));
                        prepaidDraws.record(h, new PrepaidCharged(account, owner, UUID.randomUUID().toString(),
                                d % 3 == 0 ? ChargeKind.DOMAIN_CREATE : ChargeKind.DOMAIN_RENEW,
                                DomainName.of("name" + i + "-" + d + ".dk"), Period.years(1), net, net,
                                Money.zero(net.currency()), at));
                        sum = sum.plus(net);
                    }
                    settlements.closed(h, new PrepaidMonthClosed(account, owner, MONTH, sum, count));
                    inserted += count;
                }
                return inserted;
            });
        }
        return total;
    }

    /** The PDFs, or with {@code -Dpdfs=false} none (an empty array), to see the database side alone. */
    private static DocumentRenderer renderer(InvoicePdf pdf) {
        return Boolean.parseBoolean(System.getProperty("pdfs", "true")) ? pdf::render : invoice -> new byte[0];
    }

    private static int count(Database database, String sql) {
        return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private static Seller seller() {
        return new Seller(new Party("Kontor ApS", "Kontor ApS", List.of("Vesterbrogade 1"), "1620", "København V", "DK",
                "DK13585628", "13585628", null, "billing@kontor.example"), "DK5000400440116243", "DABADKKK",
                "Danske Bank", "85475103");
    }

    private static PluginResources noPlugins() {
        return new PluginResources() {
            @Override
            public List<String> activePluginIds() {
                return List.of();
            }

            @Override
            public Optional<java.net.URL> resource(String pluginId, String path) {
                return Optional.empty();
            }
        };
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private record Result(String database, SettlementRun run, long peakHeapBytes, long liveHeapBytes,
                          int secondRunDocuments, boolean matched) {
    }

    /** The most heap in use right after a collection: what the run keeps alive, garbage not counted. */
    private static final class LiveHeap implements NotificationListener {

        private final AtomicLong max = new AtomicLong();
        private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());

        LiveHeap() {
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) collector).addNotificationListener(this, null, null);
            }
        }

        void reset() {
            max.set(0);
        }

        long max() {
            return max.get();
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                    .filter(pool -> heapPools.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum();
            max.accumulateAndGet(used, Math::max);
        }
    }
}
