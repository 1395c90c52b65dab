package org.kontor.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.config.ConfigLoader;
import org.kontor.host.config.KontorConfig;

/** A host as {@code --dev --demo} runs it: the reactor's plugins in development mode, on a free port, jobs off. */
public final class DemoHosts {

    private DemoHosts() {
    }

    public static KontorHost start(Database database) throws IOException {
        return start(database, Clock.systemUTC(), Map.of());
    }

    /** @param environment more settings as environment variables ({@code KONTOR_ORDERS_REVIEW_ALL}) */
    public static KontorHost start(Database database, Clock clock, Map<String, String> environment) throws IOException {
        Path data = Files.createTempDirectory("kontor-demo-test");
        Map<String, String> settings = new HashMap<>(Map.of(
                "KONTOR_DATA_DIR", data.toString(),
                "KONTOR_DB_URL", database.config().jdbcUrl(),
                "KONTOR_PLUGINS_MODE", "development",
                "KONTOR_PLUGINS_DIR", Path.of("..", "plugins").toAbsolutePath().normalize().toString(),
                "KONTOR_HTTP_PORT", "0",
                "KONTOR_JOBS_ENABLED", "false"));
        org.kontor.host.demo.DemoData.SETTINGS.forEach((key, value) ->
                settings.put("KONTOR_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'), value));
        settings.putAll(environment);
        KontorConfig config = new ConfigLoader(settings, new Properties()).load(null, false);
        return KontorHost.start(config, clock);
    }

    /** A port nothing listens on now, for the sandbox registry. */
    public static int freePort() {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
