package org.kontor.host.customers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.config.ConfigLoader;
import org.kontor.testkit.TestClock;

/**
 * The whole host on a test database with a clock the test moves, no plugins and no jobs; password hashes with small
 * Argon2 parameters so that tests run quickly (the algorithm and the code paths are the same).
 */
public final class CustomerHost {

    private CustomerHost() {
    }

    public static KontorHost start(Database database, TestClock clock, Map<String, String> overrides) throws Exception {
        Path data = Files.createTempDirectory("kontor-customers-test");
        Map<String, String> environment = new HashMap<>();
        environment.put("KONTOR_DATA_DIR", data.toString());
        environment.put("KONTOR_DB_URL", database.config().jdbcUrl());
        environment.put("KONTOR_PLUGINS_DIR", Files.createDirectories(data.resolve("plugins")).toString());
        environment.put("KONTOR_HTTP_PORT", "0");
        environment.put("KONTOR_JOBS_ENABLED", "false");
        environment.put("KONTOR_CUSTOMERS_PASSWORD_MEMORY_KIB", "1024");
        environment.put("KONTOR_CUSTOMERS_PASSWORD_ITERATIONS", "1");
        environment.putAll(overrides);
        return KontorHost.start(new ConfigLoader(environment, new Properties()).load(null, false), clock);
    }
}
