package org.kontor.host.provisioning;

import java.util.List;
import java.util.Optional;
import org.kontor.api.domain.Tld;
import org.kontor.api.funding.FundingSource;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;

/**
 * Finds the registry and the funding source of an operation among the running plugins' extensions.
 * Asks each time: plugins may be enabled or disabled while the host runs.
 */
public final class ProvisioningTargets {

    private final Extensions extensions;
    private final List<FundingSource> hostSources;

    public ProvisioningTargets(Extensions extensions) {
        this(extensions, List.of());
    }

    /** @param hostSources funding sources of the host itself (an order's gateway payment), asked after the plugins' */
    public ProvisioningTargets(Extensions extensions, List<FundingSource> hostSources) {
        this.extensions = extensions;
        this.hostSources = List.copyOf(hostSources);
    }

    /** The registry serving {@code tld}; with several, the first one loaded. */
    public Optional<DomainRegistry> registryFor(Tld tld) {
        return extensions.of(DomainRegistry.class).stream().map(Contribution::extension)
                .filter(registry -> registry.tlds().contains(tld)).findFirst();
    }

    /** The registry with this {@link DomainRegistry#registryId()}, if its plugin runs. */
    public Optional<DomainRegistry> registry(String registryId) {
        return extensions.of(DomainRegistry.class).stream().map(Contribution::extension)
                .filter(registry -> registry.registryId().equals(registryId)).findFirst();
    }

    /** The funding source with this {@link FundingSource#sourceId()}, if its plugin runs. */
    public Optional<FundingSource> fundingSource(String sourceId) {
        List<Contribution<FundingSource>> sources = extensions.of(FundingSource.class);
        return java.util.stream.Stream.concat(sources.stream().map(Contribution::extension), hostSources.stream())
                .filter(source -> source.sourceId().equals(sourceId)).findFirst();
    }
}
