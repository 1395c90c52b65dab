package org.kontor.it;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.kontor.database.Database;
import org.kontor.plugins.epp.codec.EppCommandEncoder;
import org.kontor.plugins.epp.registry.EppDomainRegistry;
import org.kontor.plugins.epp.registry.EppRegistrySettings;
import org.kontor.plugins.epp.registry.PoolTransport;
import org.kontor.plugins.epp.session.EppEndpoint;
import org.kontor.plugins.epp.session.EppSessionPool;
import org.kontor.plugins.epp.session.EppTimeouts;

/**
 * The epp-registry plugin's {@link EppDomainRegistry} against a sandbox, wired as the plugin wires it but with
 * time limits short enough that a hung command ends within a test. The plugin's settings carry no timeouts.
 */
final class ShortTimeoutEpp implements AutoCloseable {

    final EppDomainRegistry registry;
    private final EppSessionPool pool;
    private final ScheduledExecutorService scheduler;

    private ShortTimeoutEpp(EppDomainRegistry registry, EppSessionPool pool, ScheduledExecutorService scheduler) {
        this.registry = registry;
        this.pool = pool;
        this.scheduler = scheduler;
    }

    /**
     * @param port           where to connect instead of the sandbox's own port, e.g. a relay in front of it
     * @param commandTimeout how long any command waits for its answer
     * @param keepAlive      how often an idle session says hello, shorter than the sandbox's idle timeout
     */
    static ShortTimeoutEpp connect(EppSandbox sandbox, Database database, Clock clock, int port, int sessions,
                                   Duration commandTimeout, Duration keepAlive) {
        Map<String, String> values = new HashMap<>(sandbox.settings);
        values.put(EppRegistrySettings.PORT, Integer.toString(port));
        EppRegistrySettings settings = EppRegistrySettings.from(EppSandbox.context(database, clock, values).settings());
        EppEndpoint endpoint = settings.endpoint().toBuilder()
                .timeouts(new EppTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), commandTimeout,
                        Map.of()))
                .keepAliveInterval(keepAlive)
                .maxSessions(sessions)
                .borrowTimeout(Duration.ofSeconds(30))
                .rateLimit(10_000, 1_000)
                .sessionLimitBackOff(Duration.ofMillis(200))
                .build();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "epp-fault-keep-alive");
            thread.setDaemon(true);
            return thread;
        });
        EppSessionPool pool = new EppSessionPool(endpoint, new EppCommandEncoder(), settings.decoder(), scheduler,
                Clock.systemUTC());
        return new ShortTimeoutEpp(new EppDomainRegistry(settings.profile(), new PoolTransport(pool)), pool, scheduler);
    }

    @Override
    public void close() {
        pool.close();
        scheduler.shutdownNow();
    }
}
