package org.kontor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Tld;
import org.kontor.api.money.Money;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.database.Database;
import org.kontor.database.DatabaseConfig;
import org.kontor.database.Migrations;
import org.kontor.host.domains.AvailabilitySearch;
import org.kontor.host.domains.NameAvailability;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;
import org.kontor.plugins.epp.codec.EppCommandEncoder;
import org.kontor.plugins.epp.codec.EppResponseDecoder;
import org.kontor.plugins.epp.registry.EppDomainRegistry;
import org.kontor.plugins.epp.registry.EppRegistryProfile;
import org.kontor.plugins.epp.registry.PoolTransport;
import org.kontor.plugins.epp.session.EppEndpoint;
import org.kontor.plugins.epp.session.EppSessionPool;
import org.kontor.plugins.epp.session.EppTrust;
import org.kontor.plugins.sandbox.protocol.ResponseWriter;
import org.kontor.plugins.sandbox.registry.SandboxRegistry;
import org.kontor.plugins.sandbox.server.SandboxServer;
import org.kontor.plugins.sandbox.settings.CommandFault;
import org.kontor.plugins.sandbox.settings.RegistrarAccount;
import org.kontor.plugins.sandbox.settings.SandboxSettings;

/**
 * The availability search of one label across many TLDs served by several registries, against checking the
 * same names one by one. Starts sandbox registry servers on loopback (each with its own SQLite file and a
 * fixed latency per command) and the epp-registry plugin's {@link EppDomainRegistry} for each, then times
 * whole searches through {@link AvailabilitySearch}, single check round trips, and sequential one-by-one
 * searches. Sizes as system properties: {@code registries} (5), {@code tlds.per.registry} (10),
 * {@code latency.ms} (20), {@code searches} (200), {@code sequential} (10), {@code round.trips} (200).
 */
public final class AvailabilityBench {

    private static final String PASSWORD = "Bench-Secret-1";
    private static final String LABEL = "kontor-bench";
    private static final Duration SEARCH_TIMEOUT = Duration.ofSeconds(5);

    private final int registries = Integer.getInteger("registries", 5);
    private final int tldsPerRegistry = Integer.getInteger("tlds.per.registry", 10);
    private final Duration latency = Duration.ofMillis(Integer.getInteger("latency.ms", 20));
    private final int searches = Integer.getInteger("searches", 200);
    private final int sequentialSearches = Integer.getInteger("sequential", 10);
    private final int roundTrips = Integer.getInteger("round.trips", 200);

    public static void main(String[] args) throws Exception {
        new AvailabilityBench().run();
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("kontor-availability-bench");
        List<Sandbox> sandboxes = new ArrayList<>();
        ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(daemon("epp-keep-alive"));
        ExecutorService checks = Executors.newFixedThreadPool(registries, daemon("availability-check"));
        try {
            for (int i = 0; i < registries; i++) {
                sandboxes.add(Sandbox.start(i, tlds(i), latency, dir, keepAlive));
            }
            List<DomainRegistry> eppRegistries = sandboxes.stream().map(s -> (DomainRegistry) s.registry).toList();
            List<Tld> allTlds = sandboxes.stream().flatMap(s -> s.tlds.stream()).toList();
            AvailabilitySearch search = new AvailabilitySearch(new FixedExtensions(eppRegistries), checks,
                    SEARCH_TIMEOUT);
            Map<Tld, DomainRegistry> byTld = new LinkedHashMap<>();
            sandboxes.forEach(s -> s.tlds.forEach(tld -> byTld.put(tld, s.registry)));
            List<DomainName> names = allTlds.stream().map(tld -> DomainName.of(LABEL + "." + tld.ascii())).toList();

            System.out.printf("%d sandbox registries x %d TLDs, %d ms per command; warming up%n", registries,
                    tldsPerRegistry, latency.toMillis());
            for (int i = 0; i < 20; i++) {
                searchOnce(search, allTlds);
                oneByOne(names, byTld);
            }

            System.out.printf("%d searches of '%s' across %d TLDs%n", searches, LABEL, allTlds.size());
            long[] searchNanos = new long[searches];
            for (int i = 0; i < searches; i++) {
                searchNanos[i] = searchOnce(search, allTlds);
            }
            System.out.printf("%d single-name check round trips%n", roundTrips);
            long[] roundTripNanos = new long[roundTrips];
            for (int i = 0; i < roundTrips; i++) {
                DomainName name = names.get(i % names.size());
                long start = System.nanoTime();
                byTld.get(name.tld()).check(List.of(name));
                roundTripNanos[i] = System.nanoTime() - start;
            }
            System.out.printf("%d one-by-one searches (%d sequential checks each)%n", sequentialSearches,
                    names.size());
            long[] sequentialNanos = new long[sequentialSearches];
            for (int i = 0; i < sequentialSearches; i++) {
                sequentialNanos[i] = oneByOne(names, byTld);
            }

            print(millis(searchNanos, 50), millis(searchNanos, 99), millis(roundTripNanos, 50),
                    millis(sequentialNanos, 50));
        } finally {
            sandboxes.forEach(Sandbox::close);
            checks.shutdownNow();
            keepAlive.shutdownNow();
            deleteTree(dir);
        }
    }

    private static long searchOnce(AvailabilitySearch search, List<Tld> tlds) {
        long start = System.nanoTime();
        List<NameAvailability> result = search.search(LABEL, tlds);
        long nanos = System.nanoTime() - start;
        List<NameAvailability> unknown = result.stream()
                .filter(a -> a.status() == NameAvailability.Status.UNKNOWN).toList();
        if (!unknown.isEmpty() || result.size() != tlds.size()) {
            throw new IllegalStateException("a search left names unknown: " + unknown);
        }
        return nanos;
    }

    private static long oneByOne(List<DomainName> names, Map<Tld, DomainRegistry> byTld) {
        long start = System.nanoTime();
        for (DomainName name : names) {
            if (byTld.get(name.tld()).check(List.of(name)).size() != 1) {
                throw new IllegalStateException("no answer for " + name);
            }
        }
        return System.nanoTime() - start;
    }

    private void print(double p50, double p99, double roundTrip, double oneByOne) {
        double speedUp = oneByOne / p50;
        System.out.printf("%n%-15s %8s %8s %15s %16s %9s%n", "", "p50 ms", "p99 ms", "round trip ms",
                "one-by-one ms", "speed-up");
        System.out.printf(Locale.ROOT, "%-15s %8.1f %8.1f %15.1f %16.1f %9.1f%n", "search", p50, p99, roundTrip,
                oneByOne, speedUp);
        System.out.printf(Locale.ROOT, "%ngoal p50 <= 1.5 x round trip (%.1f ms): %s%n", 1.5 * roundTrip,
                p50 <= 1.5 * roundTrip ? "met" : "MISSED");
        System.out.printf(Locale.ROOT, "goal speed-up >= 20: %s%n", speedUp >= 20 ? "met" : "MISSED");
    }

    /** Nearest-rank percentile in milliseconds. */
    private static double millis(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.max(0, (int) Math.ceil(sorted.length * percentile / 100.0) - 1);
        return sorted[index] / 1e6;
    }

    /** Ten made-up TLDs per registry: {@code baa}…{@code baj} for the first, {@code bba}… for the second. */
    private List<Tld> tlds(int registry) {
        List<Tld> tlds = new ArrayList<>();
        for (int j = 0; j < tldsPerRegistry; j++) {
            tlds.add(Tld.of("b" + (char) ('a' + registry) + (char) ('a' + j)));
        }
        return List.copyOf(tlds);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** One sandbox server with its database, and the EPP client registry talking to it. */
    private record Sandbox(List<Tld> tlds, Database database, SandboxServer server, EppSessionPool pool,
                           EppDomainRegistry registry) {

        static Sandbox start(int index, List<Tld> tlds, Duration latency, Path dir,
                             ScheduledExecutorService keepAlive) {
            Database database = new Database(DatabaseConfig.sqlite(dir.resolve("sandbox-" + index + ".db"), 4));
            new Migrations(database).migratePlugin("sandbox-registry", SandboxRegistry.class.getClassLoader());
            String registrar = "bench" + index;
            Map<String, Money> prices = new HashMap<>();
            tlds.forEach(tld -> prices.put(tld.ascii(), Money.of("75.00", "DKK")));
            CommandFault delay = CommandFault.delay(latency);
            SandboxSettings settings = SandboxSettings.dk(
                            List.of(new RegistrarAccount(registrar, PASSWORD, Money.of("1000.00", "DKK"))), prices,
                            Duration.ofMinutes(10), 4)
                    .withFaults(Map.of("login", delay, "hello", delay, "domain:check", delay));
            ResponseWriter writer = new ResponseWriter(settings.serverId(), SandboxServer.SERVICES);
            SandboxRegistry sandboxRegistry = new SandboxRegistry(database.jdbi(), Clock.systemUTC(), settings, writer);
            SandboxServer server = new SandboxServer(settings, sandboxRegistry, writer, Clock.systemUTC(),
                    new SplittableRandom(index)).start();
            // two sessions: a search needs one per registry, and a spare keeps a keep-alive from delaying it
            EppEndpoint endpoint = EppEndpoint.builder("127.0.0.1", server.port(), registrar, PASSWORD)
                    .trust(EppTrust.pinned(pem(server)))
                    .maxSessions(2)
                    .rateLimit(10_000, 1_000)
                    .build();
            EppSessionPool pool = new EppSessionPool(endpoint, new EppCommandEncoder(),
                    new EppResponseDecoder(java.util.Currency.getInstance("DKK")), keepAlive, Clock.systemUTC());
            // all of a registry's names in one check, so a search is one round trip per registry
            EppRegistryProfile profile = new EppRegistryProfile("sandbox-" + index, java.util.Set.copyOf(tlds),
                    registrar, tlds.size());
            return new Sandbox(tlds, database, server, pool, new EppDomainRegistry(profile, new PoolTransport(pool)));
        }

        void close() {
            pool.close();
            server.close();
            database.close();
        }

        private static String pem(SandboxServer server) {
            try {
                return "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(server.certificate().getEncoded())
                        + "\n-----END CERTIFICATE-----\n";
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The registries of the bench as the running plugins' extensions. */
    private record FixedExtensions(List<DomainRegistry> registries) implements Extensions {

        @Override
        @SuppressWarnings("unchecked")
        public <T> List<Contribution<T>> of(Class<T> extensionPoint) {
            if (extensionPoint != DomainRegistry.class) {
                return List.of();
            }
            return registries.stream().map(r -> (Contribution<T>) new Contribution<>("epp-registry", r)).toList();
        }
    }
}
