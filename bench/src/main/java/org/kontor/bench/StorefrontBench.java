package org.kontor.bench;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kontor.host.KontorHost;
import org.kontor.host.config.ConfigLoader;
import org.kontor.host.demo.DemoData;

/**
 * Load on the storefront against a bare Javalin endpoint in the same JVM: the demo host (SQLite, the reactor's plugins
 * in development mode, the sandbox registry) and {@code GET /bare} answering {@code ok}, both on loopback, driven by
 * {@code wrk}. Prints requests/s, p50 and p99 latency and the ratio to the bare endpoint's requests/s for: the bare
 * endpoint, the home page, the search results page from the page cache (a visitor with a session, so the hit fills in
 * that session's CSRF token), the search results page with a new name each request (never cached: registries asked),
 * and {@code GET /api/v1/search}. Then splits the search API's time into the registries' round trips and Kontor's own,
 * from the {@code Server-Timing} header of sequential requests.
 *
 * <p>Options (system properties): {@code seconds} per target (10), {@code connections} (8), {@code threads} (2),
 * {@code search.connections} (4) for the targets that ask registries, {@code timing.samples} (30), {@code wrk}
 * (/usr/bin/wrk), {@code plugins.dir} (plugins), {@code load=false} for the timing split only; host settings as
 * {@code -Dkontor.<key>=<value>}, e.g. {@code -Dkontor.plugins.settings-cache-seconds=0} to read plugin settings
 * from the database on every read as before the settings cache.
 */
public final class StorefrontBench {

    private static final Pattern REQUESTS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SERVER_TIMING = Pattern.compile("registry;dur=([0-9.]+), kontor;dur=([0-9.]+)");

    private record Row(String target, double requestsPerSecond, double p50Millis, double p99Millis, long errors) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("seconds", 10);
        int connections = Integer.getInteger("connections", 8);
        int threads = Integer.getInteger("threads", 2);
        int searchConnections = Integer.getInteger("search.connections", 4);
        int samples = Integer.getInteger("timing.samples", 30);
        String wrk = System.getProperty("wrk", "/usr/bin/wrk");
        Path plugins = Path.of(System.getProperty("plugins.dir", "plugins")).toAbsolutePath().normalize();

        Path data = Files.createTempDirectory("kontor-storefront-bench");
        System.out.println("Starting the demo host (plugins from " + plugins + ") ...");
        try (KontorHost host = KontorHost.start(new ConfigLoader(Map.of(
                "KONTOR_DATA_DIR", data.toString(),
                "KONTOR_PLUGINS_MODE", "development",
                "KONTOR_PLUGINS_DIR", plugins.toString(),
                "KONTOR_HTTP_PORT", "0",
                "KONTOR_JOBS_ENABLED", "false"), System.getProperties()).load(null, false), Clock.systemUTC())) {
            new DemoData(host, freePort()).load();
            Javalin bare = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.routes.get("/bare", ctx -> ctx.result("ok"));
            }).start("127.0.0.1", 0);
            try {
                String kontor = "http://127.0.0.1:" + host.port();
                String session = visitorSession(kontor + "/search?q=kontorbench&lang=en");
                List<String[]> targets = List.of(
                        new String[] {"bare endpoint", "http://127.0.0.1:" + bare.port() + "/bare", "", ""},
                        new String[] {"home page (cached)", kontor + "/?lang=en", "", ""},
                        new String[] {"search page (cached)", kontor + "/search?q=kontorbench&lang=en", session, ""},
                        new String[] {"search page (new name each request)", kontor + "/search?lang=en&q=", "", "unique"},
                        new String[] {"GET /api/v1/search", kontor + "/api/v1/search?q=kontorbench&currency=DKK", "", ""});
                if (Boolean.parseBoolean(System.getProperty("load", "true"))) {
                    for (String[] target : targets) {
                        warmUp(target[1] + (target[3].isEmpty() ? "" : "warmup"), target[2]);
                    }
                    List<Row> rows = new ArrayList<>();
                    for (String[] target : targets) {
                        boolean slow = target[0].contains("new name") || target[0].contains("api");
                        rows.add(run(wrk, target[0], target[1], target[2], !target[3].isEmpty(), threads,
                                slow ? searchConnections : connections, seconds));
                    }
                    print(rows);
                }
                timing(kontor + "/api/v1/search?currency=DKK&q=timing", samples);
            } finally {
                bare.stop();
            }
        }
    }

    private static Row run(String wrk, String name, String url, String cookie, boolean unique, int threads,
                           int connections, int seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(Arrays.asList(wrk, "-t" + Math.min(threads, connections),
                "-c" + connections, "-d" + seconds + "s", "--timeout", "30s", "--latency"));
        if (!cookie.isEmpty()) {
            command.addAll(List.of("-H", "Cookie: " + cookie));
        }
        Path script = null;
        if (unique) {
            // every request a name nobody asked for before, so that neither the page cache nor anything else helps
            script = Files.createTempFile("storefront-bench", ".lua");
            Files.writeString(script, """
                    local counter = 0
                    request = function()
                      counter = counter + 1
                      return wrk.format(nil, wrk.path .. "bench" .. math.random(1, 1000000000) .. "x" .. counter)
                    end
                    """);
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        if (script != null) {
            Files.deleteIfExists(script);
        }
        Matcher requests = REQUESTS.matcher(output);
        if (!requests.find()) {
            throw new IllegalStateException("wrk gave no rate for " + url + ":\n" + output);
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            double millis = millis(Double.parseDouble(percentile.group(2)), percentile.group(3));
            if (percentile.group(1).equals("50")) {
                p50 = millis;
            } else {
                p99 = millis;
            }
        }
        Matcher errors = NON_2XX.matcher(output);
        return new Row(name, Double.parseDouble(requests.group(1)), p50, p99,
                errors.find() ? Long.parseLong(errors.group(1)) : 0);
    }

    private static double millis(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static void print(List<Row> rows) {
        double bare = rows.get(0).requestsPerSecond();
        System.out.println();
        System.out.printf(Locale.ROOT, "| %-36s | %10s | %9s | %9s | %8s | %6s |%n", "target", "requests/s", "p50 ms",
                "p99 ms", "vs bare", "non-2xx");
        System.out.println("|---|---|---|---|---|---|");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "| %-36s | %10.1f | %9.2f | %9.2f | %8.3f | %6d |%n", row.target(),
                    row.requestsPerSecond(), row.p50Millis(), row.p99Millis(), row.requestsPerSecond() / bare, row.errors());
        }
        System.out.println();
        System.out.println("goal: cached pages >= 0.40 of the bare endpoint's requests/s");
    }

    /** Sequential searches (new names each, so the registries are asked), their Server-Timing split at the median. */
    private static void timing(String url, int samples) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        double[] registry = new double[samples];
        double[] own = new double[samples];
        double[] total = new double[samples];
        for (int i = 0; i < samples; i++) {
            long started = System.nanoTime();
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url + i + "x" + System.nanoTime()))
                    .build(), HttpResponse.BodyHandlers.discarding());
            total[i] = (System.nanoTime() - started) / 1e6;
            Matcher matcher = SERVER_TIMING.matcher(response.headers().firstValue("Server-Timing").orElse(""));
            if (response.statusCode() != 200 || !matcher.find()) {
                throw new IllegalStateException("search answered " + response.statusCode() + " without Server-Timing");
            }
            registry[i] = Double.parseDouble(matcher.group(1));
            own[i] = Double.parseDouble(matcher.group(2));
        }
        Arrays.sort(registry);
        Arrays.sort(own);
        Arrays.sort(total);
        System.out.println();
        System.out.printf(Locale.ROOT, "GET /api/v1/search, %d sequential searches of new names (Server-Timing), ms:%n", samples);
        System.out.printf(Locale.ROOT, "| %-32s | %8s | %8s |%n", "part", "p50", "p90");
        System.out.println("|---|---|---|");
        System.out.printf(Locale.ROOT, "| %-32s | %8.1f | %8.1f |%n", "registry round trips (waiting)", registry[samples / 2], registry[samples * 9 / 10]);
        System.out.printf(Locale.ROOT, "| %-32s | %8.1f | %8.1f |%n", "Kontor's own (catalog, rules, JSON)", own[samples / 2], own[samples * 9 / 10]);
        System.out.printf(Locale.ROOT, "| %-32s | %8.1f | %8.1f |%n", "whole request at the client", total[samples / 2], total[samples * 9 / 10]);
    }

    /** A visitor session's cookie, as a browser holds it after its first results page. */
    private static String visitorSession(String url) throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding());
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kontor_session="))
                .map(c -> c.split(";", 2)[0]).findFirst()
                .orElseThrow(() -> new IllegalStateException("the results page started no session: no add-to-cart form?"));
    }

    private static void warmUp(String url, String cookie) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 20; i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
            if (!cookie.isEmpty()) {
                request.header("Cookie", cookie);
            }
            http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    private static int freePort() {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
