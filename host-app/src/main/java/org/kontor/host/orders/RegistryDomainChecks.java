package org.kontor.host.orders;

import java.util.List;
import java.util.Optional;
import org.kontor.api.domain.DomainName;
import org.kontor.api.registry.AuthCodeCheck;
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

    /**
     * The registry's {@link DomainRegistry#verifyAuthCode}: a valid code, or one the registry can only check on the
     * transfer itself, is accepted; a refused code is wrong; a locked, pending, too young or already ours domain is not
     * transferable; no answer or a failure is unknown. The code never reaches a log.
     */
    @Override
    public TransferCheck transfer(DomainName name, String authCode) {
        Optional<DomainRegistry> registry = targets.registryFor(name.tld());
        if (registry.isEmpty()) {
            return new TransferCheck(TransferCheck.Answer.UNKNOWN, "no registry serves ." + name.tld().unicode());
        }
        AuthCodeCheck check;
        try {
            check = registry.get().verifyAuthCode(name, authCode);
        } catch (RuntimeException e) {
            LOG.warn("The auth code check of {} at {} failed: {}", name, registry.get().registryId(), e.toString());
            return new TransferCheck(TransferCheck.Answer.UNKNOWN, "the registry could not check the auth code");
        }
        if (check == null) {
            return new TransferCheck(TransferCheck.Answer.UNKNOWN, "the registry gave no answer");
        }
        return switch (check.result()) {
            case VALID, UNSUPPORTED -> TransferCheck.accepted();
            case INVALID -> new TransferCheck(TransferCheck.Answer.WRONG_AUTH_CODE, check.reason());
            case NOT_TRANSFERABLE -> new TransferCheck(TransferCheck.Answer.NOT_TRANSFERABLE, check.reason());
            case UNKNOWN -> {
                LOG.warn("The auth code check of {} at {} gave no answer: {}", name, registry.get().registryId(),
                        check.reason());
                yield new TransferCheck(TransferCheck.Answer.UNKNOWN, check.reason());
            }
        };
    }
}
