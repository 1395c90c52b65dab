package org.kontor.it.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.config.ConfigLoader;
import org.kontor.host.customers.SignUp;
import org.kontor.host.plugins.TestPlugins;

/**
 * A host as an operator runs it (plugins installed from zips, not development mode) with no plugin yet, and one staff
 * member who signs in with {@link #STAFF_EMAIL} and {@link #STAFF_PASSWORD}.
 */
public final class PluginsBrowserHost implements BrowserHost {

    public static final String STAFF_EMAIL = "staff@kontor.test";
    public static final String STAFF_PASSWORD = "staff-member-password";

    @Override
    public KontorHost start(Database database) throws Exception {
        Path data = Files.createTempDirectory("kontor-plugins-browser");
        Map<String, String> environment = new HashMap<>();
        environment.put("KONTOR_DATA_DIR", data.toString());
        environment.put("KONTOR_DB_URL", database.config().jdbcUrl());
        environment.put("KONTOR_PLUGINS_DIR", TestPlugins.deploy(data.resolve("plugins")).toString());
        environment.put("KONTOR_HTTP_PORT", "0");
        environment.put("KONTOR_JOBS_ENABLED", "false");
        environment.put("KONTOR_CUSTOMERS_PASSWORD_MEMORY_KIB", "1024");
        environment.put("KONTOR_CUSTOMERS_PASSWORD_ITERATIONS", "1");
        KontorHost host = KontorHost.start(new ConfigLoader(environment, new Properties()).load(null, false),
                java.time.Clock.systemUTC());
        try {
            host.customers().create("staff-1", new SignUp(STAFF_EMAIL, STAFF_PASSWORD, "Sofie Staff", null, "DK", "en",
                    "DKK"), Access.CUSTOMER);
            host.staffMembers().grant("staff-1");
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
        return host;
    }
}
