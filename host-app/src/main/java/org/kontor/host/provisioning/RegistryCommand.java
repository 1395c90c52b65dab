package org.kontor.host.provisioning;

import java.util.Objects;
import java.util.function.Function;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.RegisterDomain;
import org.kontor.api.registry.RenewDomain;
import org.kontor.api.registry.RestoreDomain;
import org.kontor.api.registry.TransferDomain;

/**
 * The billable registry command of a domain operation. Its idempotency key is the operation's key, so
 * the hold and the registry command share one key and the janitor can ask the registry about it.
 *
 * @param period the period bought, or null (a restore, a transfer without a period)
 * @param send   sends the command; only status, code, message and reference of the answer are used
 */
public record RegistryCommand(IdempotencyKey key, DomainName domain, Period period, ChargeKind kind,
                              Function<DomainRegistry, Outcome<?>> send) {

    public RegistryCommand {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(send, "send");
    }

    public Outcome<?> sendTo(DomainRegistry registry) {
        return send.apply(registry);
    }

    public static RegistryCommand of(RegisterDomain command) {
        return new RegistryCommand(command.key(), command.name(), command.period(), ChargeKind.DOMAIN_CREATE,
                registry -> registry.register(command));
    }

    public static RegistryCommand of(RenewDomain command) {
        return new RegistryCommand(command.key(), command.name(), command.period(), ChargeKind.DOMAIN_RENEW,
                registry -> registry.renew(command));
    }

    public static RegistryCommand of(TransferDomain command) {
        return new RegistryCommand(command.key(), command.name(), command.period(), ChargeKind.DOMAIN_TRANSFER,
                registry -> registry.requestTransfer(command));
    }

    public static RegistryCommand of(RestoreDomain command) {
        return new RegistryCommand(command.key(), command.name(), null, ChargeKind.DOMAIN_RESTORE,
                registry -> registry.restore(command));
    }
}
