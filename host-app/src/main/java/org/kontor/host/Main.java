package org.kontor.host;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.kontor.host.config.ConfigLoader;
import org.kontor.host.config.KontorConfig;
import org.kontor.host.demo.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar kontor.jar [--config FILE] [--dev] [--demo] [--port N]}. */
@Command(name = "kontor", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Runs Kontor, the domain and hosting billing platform.")
public final class Main implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    @Option(names = {"-c", "--config"}, description = "Properties file (default: ./kontor.properties if present).")
    private Path configFile;

    @Option(names = "--dev", description = "Load plugins from the built modules below ./plugins instead of plugin zips.")
    private boolean development;

    @Option(names = "--demo", description = "Load the demo data: catalog, accounts and an admin API token.")
    private boolean demo;

    @Option(names = {"-p", "--port"}, description = "HTTP port (default from the configuration: 8080).")
    private Integer port;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        long started = System.nanoTime();
        KontorConfig config = new ConfigLoader(System.getenv(), System.getProperties())
                .load(configFile == null ? Path.of("kontor.properties") : configFile, configFile != null);
        if (development) {
            config = config.with("plugins.mode", "development").with("plugins.dir", "plugins");
        }
        if (demo) {
            config = config.with("demo", "true");
            for (java.util.Map.Entry<String, String> setting : DemoData.SETTINGS.entrySet()) {
                if (config.get(setting.getKey()).filter(value -> !value.isBlank()).isEmpty()) {
                    config = config.with(setting.getKey(), setting.getValue());
                }
            }
        }
        if (port != null) {
            config = config.with("http.port", port.toString());
        }
        log.info("Configuration: {}", config.describe());
        KontorHost host = KontorHost.start(config, Clock.systemUTC());
        if (config.flag("demo")) {
            new DemoData(host, config.integer("demo.sandbox-port")).load();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            host.close();
            stopped.countDown();
        }, "shutdown"));
        log.info("Kontor is running at http://localhost:{}/ (started in {} ms)", host.port(),
                (System.nanoTime() - started) / 1_000_000);
        stopped.await();
        return 0;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"Kontor " + (version == null ? "development build" : version)};
        }
    }
}
