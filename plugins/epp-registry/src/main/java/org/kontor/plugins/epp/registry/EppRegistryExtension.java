package org.kontor.plugins.epp.registry;

import org.kontor.api.PluginContext;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.settings.Settings;
import org.pf4j.Extension;

/**
 * The plugin's {@link DomainRegistry}: the generic RFC profile over a session pool built from the plugin's
 * settings (see {@link PooledEppRegistry}).
 */
@Extension
public class EppRegistryExtension extends PooledEppRegistry<EppRegistrySettings> {

    public EppRegistryExtension(PluginContext context) {
        super(context);
    }

    @Override
    protected EppRegistrySettings settingsFrom(Settings settings) {
        return EppRegistrySettings.from(settings);
    }

    @Override
    protected EppDomainRegistry registryOver(EppRegistrySettings settings, EppTransport transport) {
        return new EppDomainRegistry(settings.profile(), transport);
    }
}
