package org.kontor.host.orders;

import java.util.List;
import java.util.Optional;
import org.kontor.api.domain.DomainName;
import org.kontor.api.registry.DomainAvailability;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.host.provisioning.ProvisioningTargets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks the registry that serves a name: a check command for availability, the auth code check for a transfer. */
public final class RegistryDomainChecks implements DomainChecks {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryDomainChecks.class);

    private final ProvisioningTargets targets;

    public RegistryDomainChecks(ProvisioningTargets targets) {
        this.targets = targets;
    }

    @Override
    public Availability availability(DomainName name) {
        Optional<DomainRegistry> registry = targets.registryFor(name.tld());
        if (registry.isEmpty()) {
            return Availability.UNKNOWN;
        }
        try {
            List<DomainAvailability> answers = registry.get().check(List.of(name));
            return answers.stream().filter(answer -> answer.name().equals(name)).findFirst()
                    .map(answer -> answer.available() ? Availability.AVAILABLE : Availability.TAKEN)
                    .orElse(Availability.UNKNOWN);
        } catch (RuntimeException e) {
            LOG.warn("The availability check of {} at {} failed", name, registry.get().registryId(), e);
            return Availability.UNKNOWN;
        }
    }

    @Override
    public TransferCheck transfer(DomainName name, String authCode) {
        Optional<DomainRegistry> registry = targets.registryFor(name.tld());
        if (registry.isEmpty()) {
            return new TransferCheck(TransferCheck.Answer.UNKNOWN, "no registry serves ." + name.tld().unicode());
        }
        return TransferCheck.accepted();
    }
}
