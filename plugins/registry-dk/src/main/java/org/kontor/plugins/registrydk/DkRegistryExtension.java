package org.kontor.plugins.registrydk;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.kontor.api.PluginContext;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.domain.Tld;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.registry.ContactHandle;
import org.kontor.api.registry.CreateContact;
import org.kontor.api.registry.DeleteDomain;
import org.kontor.api.registry.DomainAvailability;
import org.kontor.api.registry.DomainInfo;
import org.kontor.api.registry.DomainPrice;
import org.kontor.api.registry.DomainRegistration;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.DomainTransfer;
import org.kontor.api.registry.RegisterDomain;
import org.kontor.api.registry.RegistryBalance;
import org.kontor.api.registry.RegistryCapability;
import org.kontor.api.registry.RegistryMessage;
import org.kontor.api.registry.RenewDomain;
import org.kontor.api.registry.RestoreDomain;
import org.kontor.api.registry.TransferAction;
import org.kontor.api.registry.TransferDomain;
import org.kontor.api.registry.UpdateDomain;
import org.kontor.plugins.epp.codec.EppCommandEncoder;
import org.kontor.plugins.epp.registry.EppDomainRegistry;
import org.kontor.plugins.epp.registry.PoolTransport;
import org.kontor.plugins.epp.session.EppSessionPool;
import org.pf4j.Extension;

/**
 * The plugin's {@link DomainRegistry}: the .dk registry over a session pool built from the settings, an
 * {@link EppDomainRegistry} with {@link DkhmHooks}. The pool is created on first use and rebuilt when the
 * operator changes the settings. Until the settings are complete it serves no TLDs.
 */
@Extension
public class DkRegistryExtension implements DomainRegistry, AutoCloseable {

    private final PluginContext context;
    private Connection connection;

    public DkRegistryExtension(PluginContext context) {
        this.context = context;
    }

    /** The .dk profile on the engine, for a transport of the caller's (tests, tools). */
    public static EppDomainRegistry registry(DkSettings settings, org.kontor.plugins.epp.registry.EppTransport transport,
            java.time.Clock clock) {
        return new EppDomainRegistry(settings.profile(), transport, new DkhmHooks(clock, settings.termsAcceptedAtOrder()),
                clock);
    }

    @Override
    public String registryId() {
        return configured().map(DkSettings::registryId).orElse(context.pluginId());
    }

    @Override
    public Set<Tld> tlds() {
        return configured().map(DkSettings::tlds).orElse(Set.of());
    }

    /** The engine's capabilities less launch phases (.dk has none) plus the registry-generated auth code. */
    @Override
    public Set<RegistryCapability> capabilities() {
        Set<RegistryCapability> capabilities = java.util.EnumSet.copyOf(registry().capabilities());
        capabilities.remove(RegistryCapability.LAUNCH_PHASES);
        capabilities.add(RegistryCapability.AUTH_CODE_RETRIEVAL);
        return capabilities;
    }

    @Override
    public List<DomainAvailability> check(List<DomainName> names) {
        return registry().check(names);
    }

    @Override
    public Outcome<ContactHandle> createContact(CreateContact command) {
        return registry().createContact(command);
    }

    @Override
    public Outcome<DomainRegistration> register(RegisterDomain command) {
        return registry().register(command);
    }

    @Override
    public Outcome<DomainRegistration> renew(RenewDomain command) {
        return registry().renew(command);
    }

    @Override
    public Outcome<DomainTransfer> requestTransfer(TransferDomain command) {
        return registry().requestTransfer(command);
    }

    @Override
    public Outcome<DomainTransfer> transferAction(TransferAction command) {
        return registry().transferAction(command);
    }

    @Override
    public Optional<DomainInfo> info(DomainName name) {
        return registry().info(name);
    }

    @Override
    public Outcome<DomainInfo> update(UpdateDomain command) {
        return registry().update(command);
    }

    @Override
    public Outcome<Void> delete(DeleteDomain command) {
        return registry().delete(command);
    }

    @Override
    public Outcome<DomainRegistration> restore(RestoreDomain command) {
        return registry().restore(command);
    }

    @Override
    public Outcome<DomainRegistration> status(IdempotencyKey key, DomainName name) {
        return registry().status(key, name);
    }

    @Override
    public Optional<Money> balance() {
        return registry().balance();
    }

    @Override
    public Optional<RegistryBalance> registryBalance() {
        return registry().registryBalance();
    }

    @Override
    public List<DomainPrice> quote(List<DomainName> names, String command, Period period) {
        return registry().quote(names, command, period);
    }

    @Override
    public Optional<RegistryMessage> poll() {
        return registry().poll();
    }

    @Override
    public void acknowledge(String messageId) {
        registry().acknowledge(messageId);
    }

    /** Logs out of the pooled sessions and stops the keep-alive. */
    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private Optional<DkSettings> configured() {
        try {
            return Optional.of(DkSettings.from(context.settings()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private synchronized EppDomainRegistry registry() {
        DkSettings settings = DkSettings.from(context.settings());
        if (connection == null || !connection.settings().equals(settings)) {
            if (connection != null) {
                context.logger().info(".dk registry settings changed; reconnecting with {}", settings);
                connection.close();
            }
            connection = Connection.open(settings, context);
        }
        return connection.registry();
    }

    private record Connection(DkSettings settings, ScheduledExecutorService scheduler, EppSessionPool pool,
                              EppDomainRegistry registry) {

        static Connection open(DkSettings settings, PluginContext context) {
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "epp-keep-alive-" + settings.registryId());
                thread.setDaemon(true);
                return thread;
            });
            EppSessionPool pool = new EppSessionPool(settings.endpoint(), new EppCommandEncoder(), settings.decoder(),
                    scheduler, context.clock());
            return new Connection(settings, scheduler, pool,
                    DkRegistryExtension.registry(settings, new PoolTransport(pool), context.clock()));
        }

        void close() {
            pool.close();
            scheduler.shutdownNow();
        }
    }
}
