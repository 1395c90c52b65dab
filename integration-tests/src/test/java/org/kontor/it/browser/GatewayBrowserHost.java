package org.kontor.it.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.config.ConfigLoader;
import org.kontor.host.plugins.TestPlugins;

/**
 * A host with the test gateway plugin installed (its zip, as an operator installs it) and no other plugin: its
 * purchases of amounts ending in .77 are captured at once, others wait on a provider page that does not exist.
 */
public final class GatewayBrowserHost implements BrowserHost {

    public static final String GATEWAY = "test-gateway";
    public static final String PASSWORD = "correct horse battery";

    @Override
    public KontorHost start(Database database) throws Exception {
        Path data = Files.createTempDirectory("kontor-gateway-browser");
        Map<String, String> environment = new HashMap<>();
        environment.put("KONTOR_DATA_DIR", data.toString());
        environment.put("KONTOR_DB_URL", database.config().jdbcUrl());
        environment.put("KONTOR_PLUGINS_DIR", TestPlugins.deploy(data.resolve("plugins"), GATEWAY).toString());
        environment.put("KONTOR_HTTP_PORT", "0");
        environment.put("KONTOR_JOBS_ENABLED", "false");
        environment.put("KONTOR_CUSTOMERS_PASSWORD_MEMORY_KIB", "1024");
        environment.put("KONTOR_CUSTOMERS_PASSWORD_ITERATIONS", "1");
        return KontorHost.start(new ConfigLoader(environment, new Properties()).load(null, false),
                java.time.Clock.systemUTC());
    }
}
