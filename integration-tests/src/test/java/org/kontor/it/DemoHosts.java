package org.kontor.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
        Path data = Files.createTempDirectory("kontor-demo-test");
        KontorConfig config = new ConfigLoader(Map.of(
                "KONTOR_DATA_DIR", data.toString(),
                "KONTOR_DB_URL", database.config().jdbcUrl(),
                "KONTOR_PLUGINS_MODE", "development",
                "KONTOR_PLUGINS_DIR", Path.of("..", "plugins").toAbsolutePath().normalize().toString(),
                "KONTOR_HTTP_PORT", "0",
                "KONTOR_JOBS_ENABLED", "false"), new Properties()).load(null, false);
        return KontorHost.start(config, Clock.systemUTC());
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
