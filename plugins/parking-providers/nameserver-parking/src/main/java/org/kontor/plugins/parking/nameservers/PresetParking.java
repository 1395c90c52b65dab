package org.kontor.plugins.parking.nameservers;

import java.util.Arrays;
import java.util.List;
import org.kontor.api.PluginContext;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Nameserver;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.parking.ParkingProvider;
import org.kontor.api.settings.Settings;

/**
 * One preset as a parking provider. Only its nameservers matter: parking and leaving need no call to the provider and
 * are answered PROCESSED at once. A preset the operator disabled answers no nameservers, so the host does not offer
 * it, and refuses to park.
 */
public abstract class PresetParking implements ParkingProvider {

    private final PluginContext context;
    private final Preset preset;

    protected PresetParking(PluginContext context, Preset preset) {
        this.context = context;
        this.preset = preset;
    }

    @Override
    public String providerId() {
        return preset.id();
    }

    @Override
    public String displayName() {
        return preset.displayName();
    }

    /** The operator's nameservers for the preset, or its published ones; none while the preset is disabled. */
    @Override
    public List<Nameserver> nameservers() {
        return enabled() ? hosts(context.settings(), preset).stream().map(Nameserver::of).toList() : List.of();
    }

    @Override
    public Outcome<Void> park(IdempotencyKey key, DomainName domain) {
        if (!enabled()) {
            return Outcome.error("disabled", preset.displayName() + " parking is not offered.");
        }
        return Outcome.processed(null, null);
    }

    /** Leaving is always possible, even after the operator disabled the preset. */
    @Override
    public Outcome<Void> unpark(IdempotencyKey key, DomainName domain) {
        return Outcome.processed(null, null);
    }

    private boolean enabled() {
        return context.settings().get(preset.enabledKey()).map(value -> Boolean.parseBoolean(value.strip()))
                .orElse(true);
    }

    /** The preset's nameservers: the operator's, separated by spaces or commas, else the published ones. */
    static List<String> hosts(Settings settings, Preset preset) {
        List<String> configured = settings.get(preset.nameserversKey()).map(text -> Arrays.stream(text.split("[\\s,]+"))
                .map(String::strip).filter(host -> !host.isEmpty()).toList()).orElse(List.of());
        return configured.isEmpty() ? preset.defaultNameservers() : configured;
    }
}
