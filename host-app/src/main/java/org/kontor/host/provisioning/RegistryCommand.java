package org.kontor.host.provisioning;

import java.util.Objects;
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
 */
public sealed interface RegistryCommand {

    IdempotencyKey key();

    DomainName domain();

    /** The period bought, or null (a restore, a transfer without a period). */
    Period period();

    ChargeKind kind();

    /** Sends the command; only status, code, message and reference of the answer are used. */
    Outcome<?> sendTo(DomainRegistry registry);

    static RegistryCommand of(RegisterDomain command) {
        return new Register(command);
    }

    static RegistryCommand of(RenewDomain command) {
        return new Renew(command);
    }

    static RegistryCommand of(TransferDomain command) {
        return new Transfer(command);
    }

    static RegistryCommand of(RestoreDomain command) {
        return new Restore(command);
    }

    /** Registers a domain. */
    record Register(RegisterDomain command) implements RegistryCommand {
        public Register {
            Objects.requireNonNull(command, "command");
        }

        @Override
        public IdempotencyKey key() {
            return command.key();
        }

        @Override
        public DomainName domain() {
            return command.name();
        }

        @Override
        public Period period() {
            return command.period();
        }

        @Override
        public ChargeKind kind() {
            return ChargeKind.DOMAIN_CREATE;
        }

        @Override
        public Outcome<?> sendTo(DomainRegistry registry) {
            return registry.register(command);
        }
    }

    /** Renews a domain. */
    record Renew(RenewDomain command) implements RegistryCommand {
        public Renew {
            Objects.requireNonNull(command, "command");
        }

        @Override
        public IdempotencyKey key() {
            return command.key();
        }

        @Override
        public DomainName domain() {
            return command.name();
        }

        @Override
        public Period period() {
            return command.period();
        }

        @Override
        public ChargeKind kind() {
            return ChargeKind.DOMAIN_RENEW;
        }

        @Override
        public Outcome<?> sendTo(DomainRegistry registry) {
            return registry.renew(command);
        }
    }

    /** Requests a transfer to this registrar. */
    record Transfer(TransferDomain command) implements RegistryCommand {
        public Transfer {
            Objects.requireNonNull(command, "command");
        }

        @Override
        public IdempotencyKey key() {
            return command.key();
        }

        @Override
        public DomainName domain() {
            return command.name();
        }

        @Override
        public Period period() {
            return command.period();
        }

        @Override
        public ChargeKind kind() {
            return ChargeKind.DOMAIN_TRANSFER;
        }

        @Override
        public Outcome<?> sendTo(DomainRegistry registry) {
            return registry.requestTransfer(command);
        }
    }

    /** Restores a domain from its redemption period. */
    record Restore(RestoreDomain command) implements RegistryCommand {
        public Restore {
            Objects.requireNonNull(command, "command");
        }

        @Override
        public IdempotencyKey key() {
            return command.key();
        }

        @Override
        public DomainName domain() {
            return command.name();
        }

        @Override
        public Period period() {
            return null;
        }

        @Override
        public ChargeKind kind() {
            return ChargeKind.DOMAIN_RESTORE;
        }

        @Override
        public Outcome<?> sendTo(DomainRegistry registry) {
            return registry.restore(command);
        }
    }
}
