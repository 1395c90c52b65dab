package org.kontor.plugins.epp.registry;

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
import org.kontor.api.registry.AuthCodeCheck;
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
import org.kontor.api.settings.Settings;
import org.kontor.plugins.epp.codec.EppCommandEncoder;
import org.kontor.plugins.epp.session.EppSessionPool;

/**
 * A plugin's {@link DomainRegistry}: an {@link EppDomainRegistry} over a session pool built from the plugin's
 * settings. The pool is created on first use and rebuilt when the operator changes the settings; until the
 * settings are complete the registry serves no TLDs. A registry plugin on this engine supplies how its settings
 * are read and which profile runs over the pool; everything else is delegated here.
 *
 * @param <S> the plugin's settings
 */
public abstract class PooledEppRegistry<S extends EppConnectionSettings> implements DomainRegistry, AutoCloseable {

    private final PluginContext context;
    private Connection<S> connection;

    protected PooledEppRegistry(PluginContext context) {
        this.context = context;
    }

    /**
     * @throws RuntimeException when the settings are incomplete or invalid
     */
    protected abstract S settingsFrom(Settings settings);

    /** The profile to run over a transport with these settings. */
    protected abstract EppDomainRegistry registryOver(S settings, EppTransport transport);

    @Override
    public String registryId() {
        return configured().map(EppConnectionSettings::registryId).orElse(context.pluginId());
    }

    @Override
    public Set<Tld> tlds() {
        return configured().map(EppConnectionSettings::tlds).orElse(Set.of());
    }

    @Override
    public Set<RegistryCapability> capabilities() {
        return registry().capabilities();
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

    /** UNKNOWN while the settings are incomplete; the code is never logged. */
    @Override
    public AuthCodeCheck verifyAuthCode(DomainName name, String authCode) {
        EppDomainRegistry registry;
        try {
            registry = registry();
        } catch (RuntimeException e) {
            return AuthCodeCheck.unknown("the registry connection is not configured: " + e.getMessage());
        }
        return registry.verifyAuthCode(name, authCode);
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

    private Optional<S> configured() {
        try {
            return Optional.of(settingsFrom(context.settings()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The registry over the current settings' pool, reconnecting when they changed. */
    protected final synchronized EppDomainRegistry registry() {
        S settings = settingsFrom(context.settings());
        if (connection == null || !connection.settings().equals(settings)) {
            if (connection != null) {
                context.logger().info("Registry settings changed; reconnecting with {}", settings);
                connection.close();
            }
            connection = open(settings);
        }
        return connection.registry();
    }

    private Connection<S> open(S settings) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "epp-keep-alive-" + settings.registryId());
            thread.setDaemon(true);
            return thread;
        });
        EppSessionPool pool = new EppSessionPool(settings.endpoint(), new EppCommandEncoder(), settings.decoder(),
                scheduler, context.clock());
        return new Connection<>(settings, scheduler, pool, registryOver(settings, new PoolTransport(pool)));
    }

    private record Connection<S>(S settings, ScheduledExecutorService scheduler, EppSessionPool pool,
                                 EppDomainRegistry registry) {

        void close() {
            pool.close();
            scheduler.shutdownNow();
        }
    }
}
