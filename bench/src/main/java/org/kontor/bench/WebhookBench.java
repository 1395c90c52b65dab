package org.kontor.bench;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentGateway;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.api.payment.RefundRequest;
import org.kontor.api.payment.WebhookRejectedException;
import org.kontor.api.payment.WebhookRequest;
import org.kontor.database.Database;
import org.kontor.database.DatabaseConfig;
import org.kontor.host.db.HostDatabase;
import org.kontor.host.events.OutboxEventPublisher;
import org.kontor.host.json.JsonMapping;
import org.kontor.host.payments.Payment;
import org.kontor.host.payments.PaymentPurpose;
import org.kontor.host.payments.PaymentTargets;
import org.kontor.host.payments.Payments;
import org.kontor.host.payments.PaymentsConfig;
import org.kontor.host.payments.PaymentsModule;
import org.kontor.host.payments.webhooks.InboxState;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;

/**
 * Verified, deduplicated webhook ingestion on SQLite through the host's real inbox code: each request is stored
 * (committed), verified by the gateway (HMAC-SHA256 over the raw body), its notification recorded once under
 * (gateway, event id) with the payment's conditional status change, and the processed payment's effect carried out
 * with {@code PaymentSucceeded} in the outbox. A fifth of the stream are redeliveries of events sent before or after.
 * Only the HTTP layer is left out.
 *
 * <p>System properties: {@code payments} (distinct payments, each notified once, default 20000), {@code duplicates}
 * (share of the stream that are redeliveries, 0.2), {@code threads} (4), {@code sqlite.pool} (1).
 */
public final class WebhookBench {

    private static final String PLUGIN = "bench-gateway";
    private static final String SECRET = "bench-webhook-secret";
    private static final Currency DKK = Currency.getInstance("DKK");

    public static void main(String[] args) throws Exception {
        int paymentCount = Integer.getInteger("payments", 20_000);
        double duplicateShare = Double.parseDouble(System.getProperty("duplicates", "0.2"));
        int threads = Integer.getInteger("threads", 4);
        int pool = Integer.getInteger("sqlite.pool", 1);
        Path dir = Files.createTempDirectory("kontor-webhook-bench");
        try (Database database = new Database(DatabaseConfig.sqlite(dir.resolve("bench.db"), pool))) {
            run(HostDatabase.migrated(database), paymentCount, duplicateShare, threads, pool);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void run(HostDatabase database, int paymentCount, double duplicateShare, int threads, int pool)
            throws Exception {
        Clock clock = Clock.systemUTC();
        BenchGateway gateway = new BenchGateway();
        Extensions extensions = new Extensions() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> List<Contribution<T>> of(Class<T> extensionPoint) {
                return extensionPoint == PaymentGateway.class
                        ? List.of(new Contribution<>(PLUGIN, (T) gateway)) : List.of();
            }
        };
        CountingTargets targets = new CountingTargets();
        PaymentsModule module = new PaymentsModule(PaymentsConfig.defaults(), database, clock, extensions, targets,
                new OutboxEventPublisher(database.jdbi(), JsonMapping.create(), clock, id -> { }), JsonMapping.create());
        Payments payments = module.payments();

        System.out.printf("sqlite (pool %d): starting %d payments through the gateway (PENDING, not measured)%n", pool,
                paymentCount);
        List<Payment> started = new ArrayList<>(paymentCount);
        for (int i = 0; i < paymentCount; i++) {
            started.add(payments.pay(new Payments.PayRequest("customer-" + (i % 500), PaymentPurpose.TOP_UP,
                    "top-up-" + i, BenchGateway.ID, PaymentMethodType.CARD, null, "bench-" + i)));
        }
        List<byte[]> stream = new ArrayList<>();
        for (Payment payment : started) {
            stream.add(body("evt-" + payment.id(), payment.providerReference(), payment.amount()));
        }
        int duplicates = (int) Math.round(paymentCount * duplicateShare / (1 - duplicateShare));
        Random random = new Random(42);
        for (int i = 0; i < duplicates; i++) {
            stream.add(stream.get(random.nextInt(paymentCount)));
        }
        Collections.shuffle(stream, random);
        Map<String, List<String>> headersTemplate = Map.of("content-type", List.of("application/x-www-form-urlencoded"));

        System.out.printf("sqlite (pool %d): %d webhook requests (%d duplicates, %.0f %%) on %d threads%n", pool,
                stream.size(), duplicates, 100.0 * duplicates / stream.size(), threads);
        long[] latencies = new long[stream.size()];
        AtomicInteger next = new AtomicInteger();
        Map<InboxState, AtomicInteger> states = new ConcurrentHashMap<>();
        ExecutorService workerPool = Executors.newFixedThreadPool(threads);
        CpuTime cpuBefore = CpuTime.now();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(workerPool.submit(() -> {
                for (int i = next.getAndIncrement(); i < stream.size(); i = next.getAndIncrement()) {
                    long begin = System.nanoTime();
                    byte[] body = stream.get(i);
                    Map<String, List<String>> headers = new HashMap<>(headersTemplate);
                    headers.put("x-bench-signature", List.of(sign(body)));
                    InboxState state = module.webhooks().process(module.inbox().receive(PLUGIN, body, headers,
                            "127.0.0.1"));
                    states.computeIfAbsent(state, s -> new AtomicInteger()).incrementAndGet();
                    latencies[i] = System.nanoTime() - begin;
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMillis = CpuTime.now().since(cpuBefore).jvmNanos() / 1e6;
        workerPool.shutdown();

        Map<String, Long> credits = new HashMap<>();
        database.jdbi().useHandle(h -> h.createQuery("SELECT payload FROM event_outbox WHERE event_type = 'PaymentSucceeded'")
                .mapTo(String.class).forEach(payload -> {
                    int at = payload.indexOf("\"paymentId\":\"") + 13;
                    credits.merge(payload.substring(at, payload.indexOf('"', at)), 1L, Long::sum);
                }));
        long notOnce = started.stream().filter(p -> credits.getOrDefault(p.id(), 0L) != 1
                || targets.applied.getOrDefault(p.id(), new AtomicInteger()).get() != 1).count();
        long processed = database.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM payment WHERE status = 'PROCESSED' AND applied = 1").mapTo(Long.class).one());
        long[] sorted = latencies.clone();
        java.util.Arrays.sort(sorted);

        System.out.printf("%n%-9s %5s %8s %9s %11s %8s %8s %10s %9s %18s %20s%n", "database", "pool", "threads",
                "requests", "ingested/s", "p50 ms", "p99 ms", "CPU µs/req", "payments", "credited exactly 1",
                "credited 0 or twice");
        System.out.printf(Locale.ROOT, "%-9s %5d %8d %9d %11.0f %8.2f %8.2f %10.0f %9d %18d %20d%n", "sqlite", pool,
                threads, stream.size(), stream.size() / seconds, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, cpuMillis * 1000 / stream.size(), paymentCount,
                paymentCount - notOnce, notOnce);
        System.out.printf("inbox states: %s; payments processed and applied: %d; PaymentSucceeded events: %d%n",
                new java.util.TreeMap<>(states), processed, credits.values().stream().mapToLong(Long::longValue).sum());
        System.out.println("goal: >= 2000 ingested/s and every payment credited exactly once");
    }

    private static byte[] body(String event, String reference, Money amount) {
        return ("event=" + event + "&reference=" + reference + "&status=PROCESSED&amount="
                + amount.amount().toPlainString() + "&currency=" + amount.currencyCode()).getBytes(StandardCharsets.UTF_8);
    }

    private static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Top-ups of 100 DKK each; counts how often each payment's effect is carried out. */
    private static final class CountingTargets implements PaymentTargets {

        final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();

        @Override
        public Optional<Due> due(PaymentPurpose purpose, String targetId, String customerId) {
            return Optional.of(new Due(customerId, Money.of("100.00", "DKK"), "Top-up " + targetId));
        }

        @Override
        public String apply(Payment payment) {
            applied.computeIfAbsent(payment.id(), id -> new AtomicInteger()).incrementAndGet();
            return null;
        }

        @Override
        public boolean appliesWithoutWrites(Payment payment) {
            return payment.purpose() == PaymentPurpose.TOP_UP;
        }

        @Override
        public String takeBack(Payment moneyBack, Payment original) {
            throw new IllegalStateException("the benchmark takes no money back");
        }
    }

    /** A gateway whose purchases wait for the customer and whose webhooks carry an HMAC-SHA256 signature. */
    private static final class BenchGateway implements PaymentGateway {

        static final String ID = "bench-gateway";

        @Override
        public String gatewayId() {
            return ID;
        }

        @Override
        public Set<PaymentMethodType> methods() {
            return Set.of(PaymentMethodType.CARD);
        }

        @Override
        public boolean supports(Currency currency) {
            return DKK.equals(currency);
        }

        @Override
        public Outcome<PaymentTransaction> purchase(PaymentRequest request) {
            String reference = "bg-" + request.key().value();
            return Outcome.pending(PaymentTransaction.of(reference, request.amount(), java.time.Instant.now()), reference,
                    "waiting for the customer");
        }

        @Override
        public Outcome<PaymentTransaction> refund(RefundRequest request) {
            return Outcome.error("unsupported", "the bench takes no refunds");
        }

        @Override
        public Outcome<PaymentTransaction> status(IdempotencyKey key) {
            return Outcome.undefined("the bench knows nothing");
        }

        @Override
        public List<PaymentNotification> handleWebhook(WebhookRequest request) throws WebhookRejectedException {
            byte[] body = request.body();
            byte[] expected = sign(body).getBytes(StandardCharsets.US_ASCII);
            byte[] given = request.header("x-bench-signature").orElse("").getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, given)) {
                throw new WebhookRejectedException("the signature does not match");
            }
            Map<String, String> fields = new HashMap<>();
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                int equals = pair.indexOf('=');
                fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
            return List.of(new PaymentNotification(fields.get("event"), fields.get("reference"),
                    OutcomeStatus.valueOf(fields.get("status")), Money.of(fields.get("amount"), fields.get("currency"))));
        }
    }
}
