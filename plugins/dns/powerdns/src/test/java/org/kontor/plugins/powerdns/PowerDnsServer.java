package org.kontor.plugins.powerdns;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PowerDNS Authoritative server (Debian's pdns-server with pdns-backend-sqlite3) on loopback: its own config
 * folder, a fresh SQLite database from the schema Debian ships, free DNS and API ports and a random API key. Other
 * modules' tests use it through this module's test jar.
 */
public final class PowerDnsServer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/pdns_server");
    static final List<Path> SCHEMAS = List.of(
            Path.of("/usr/share/pdns-backend-sqlite3/schema/schema.sqlite3.sql"),
            Path.of("/usr/share/doc/pdns-backend-sqlite3/schema.sqlite3.sql"));
    private static final Duration START_LIMIT = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;
    private final int dnsPort;
    private final int apiPort;
    private final String apiKey;

    private PowerDnsServer(Process process, Path log, int dnsPort, int apiPort, String apiKey) {
        this.process = process;
        this.log = log;
        this.dnsPort = dnsPort;
        this.apiPort = apiPort;
        this.apiKey = apiKey;
    }

    /**
     * Fails when PowerDNS is not installed on a CI machine, and skips the tests on a developer's machine without it.
     */
    public static void requireInstalled() {
        Optional<Path> schema = schema();
        if (Files.isExecutable(BINARY) && schema.isPresent()) {
            return;
        }
        String missing = "PowerDNS Authoritative is not installed (" + BINARY + " and the schema " + SCHEMAS.get(0)
                + "; apt-get install pdns-server pdns-backend-sqlite3)";
        if (inCi()) {
            throw new IllegalStateException(missing);
        }
        Assumptions.abort(missing);
    }

    /** True on a CI machine (the variable CI is set, as GitHub, GitLab and most others do): missing PowerDNS fails. */
    static boolean inCi() {
        return Optional.ofNullable(System.getenv("CI")).filter(value -> !value.isBlank() && !value.equals("false"))
                .isPresent();
    }

    public static PowerDnsServer start(Path folder) throws Exception {
        requireInstalled();
        Path database = folder.resolve("pdns.sqlite3");
        createDatabase(database, schema().orElseThrow());
        int dnsPort = freeDnsPort();
        int apiPort = freeTcpPort();
        String apiKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Files.writeString(folder.resolve("pdns.conf"), String.join("\n",
                "launch=gsqlite3",
                "gsqlite3-database=" + database,
                "local-address=127.0.0.1",
                "local-port=" + dnsPort,
                "webserver=yes",
                "webserver-address=127.0.0.1",
                "webserver-port=" + apiPort,
                "webserver-allow-from=127.0.0.1",
                "api=yes",
                "api-key=" + apiKey,
                "socket-dir=" + folder,
                "guardian=no",
                "daemon=no",
                "disable-syslog=yes",
                "security-poll-suffix=",
                "") , StandardCharsets.UTF_8);
        Path log = folder.resolve("pdns.log");
        Process process = new ProcessBuilder(BINARY.toString(), "--config-dir=" + folder)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PowerDnsServer server = new PowerDnsServer(process, log, dnsPort, apiPort, apiKey);
        try {
            server.awaitApi();
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    public String apiKey() {
        return apiKey;
    }

    public int dnsPort() {
        return dnsPort;
    }

    /** What the server wrote, for failure messages. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void awaitApi() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl() + "/api/v1/servers/localhost"))
                .header("X-API-Key", apiKey).timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("pdns_server exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the PowerDNS API did not answer within " + START_LIMIT + ":\n" + log());
    }

    private static Optional<Path> schema() {
        return SCHEMAS.stream().filter(Files::isReadable).findFirst();
    }

    private static void createDatabase(Path database, Path schema) throws Exception {
        String sql = Files.readString(schema, StandardCharsets.UTF_8);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement()) {
            for (String command : sql.split(";")) {
                if (!command.isBlank()) {
                    statement.execute(command);
                }
            }
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A port free for both TCP and UDP, as DNS listens on both. */
    private static int freeDnsPort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = freeTcpPort();
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port for DNS on loopback");
    }
}
