package org.kontor.plugins.registrydk;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.kontor.api.PluginContext;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.RegistryCapability;
import org.kontor.api.settings.Settings;
import org.kontor.plugins.epp.registry.EppDomainRegistry;
import org.kontor.plugins.epp.registry.EppTransport;
import org.kontor.plugins.epp.registry.PooledEppRegistry;
import org.pf4j.Extension;

/**
 * The plugin's {@link DomainRegistry}: the .dk registry, an {@link EppDomainRegistry} with {@link DkhmHooks}
 * over a session pool built from the settings (see {@link PooledEppRegistry}).
 */
@Extension
public class DkRegistryExtension extends PooledEppRegistry<DkSettings> {

    private final Clock clock;

    public DkRegistryExtension(PluginContext context) {
        super(context);
        this.clock = context.clock();
    }

    /** The .dk profile on the engine, for a transport of the caller's (tests, tools). */
    public static EppDomainRegistry registry(DkSettings settings, EppTransport transport, Clock clock) {
        return new EppDomainRegistry(settings.profile(), transport, new DkhmHooks(clock, settings.termsAcceptedAtOrder()),
                clock);
    }

    @Override
    protected DkSettings settingsFrom(Settings settings) {
        return DkSettings.from(settings);
    }

    @Override
    protected EppDomainRegistry registryOver(DkSettings settings, EppTransport transport) {
        return registry(settings, transport, clock);
    }

    /** The engine's capabilities less launch phases (.dk has none) plus the registry-generated auth code. */
    @Override
    public Set<RegistryCapability> capabilities() {
        Set<RegistryCapability> capabilities = EnumSet.copyOf(registry().capabilities());
        capabilities.remove(RegistryCapability.LAUNCH_PHASES);
        capabilities.add(RegistryCapability.AUTH_CODE_RETRIEVAL);
        return capabilities;
    }
}
