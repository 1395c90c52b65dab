package org.kontor.host.domains;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.funding.FundingSource;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.registry.ContactHandle;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.RegisterDomain;
import org.kontor.api.registry.RenewDomain;
import org.kontor.api.registry.RestoreDomain;
import org.kontor.api.registry.TransferDomain;
import org.kontor.api.domain.Tld;
import org.kontor.database.Database;
import org.kontor.host.plugins.FakeExtensions;
import org.kontor.host.provisioning.DomainOperationJanitor;
import org.kontor.host.provisioning.DomainOperationRequest;
import org.kontor.host.provisioning.DomainOperationStore;
import org.kontor.host.provisioning.DomainOperations;
import org.kontor.host.provisioning.ProvisioningTargets;
import org.kontor.host.provisioning.RegistryCommand;
import org.kontor.testkit.TestClock;

/** The host's domain machinery wired over a test database, a scripted registry and funding in memory. */
final class Domains {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    final TestClock clock;
    final ScriptedRegistry registry = new ScriptedRegistry("scripted", "dk", "eu");
    final MemoryFunding funding = new MemoryFunding();
    final FakeExtensions extensions = new FakeExtensions();
    final DomainOperationStore operationStore;
    final DomainStore store;
    final DomainOperations operations;
    final DomainOperationJanitor janitor;
    final DomainPrices prices;
    final HostPortfolio portfolio;
    final RegistryMessages messages;
    final RegistryPoller poller;

    Domains(Database db, TestClock clock, HostPortfolio.TerminatePolicy policy) {
        this.clock = clock;
        extensions.add("memory-funding", FundingSource.class, funding).add("scripted-registry", DomainRegistry.class, registry);
        operationStore = new DomainOperationStore(db.jdbi(), clock);
        store = operationStore.domains();
        ProvisioningTargets targets = new ProvisioningTargets(extensions);
        operations = new DomainOperations(operationStore, targets);
        janitor = new DomainOperationJanitor(operationStore, targets, clock, Duration.ofMinutes(10), Duration.ofMinutes(1));
        prices = new DomainPrices(db.jdbi(), clock);
        portfolio = new HostPortfolio(store, prices, operations, targets, policy, clock);
        messages = new RegistryMessages(db.jdbi(), clock);
        poller = new RegistryPoller(messages, store, operations, 100);
    }

    Domains(Database db, TestClock clock) {
        this(db, clock, HostPortfolio.TerminatePolicy.EXPIRE);
    }

    static void clear(Database db) {
        db.jdbi().useHandle(h -> {
            h.execute("DELETE FROM domain");
            h.execute("DELETE FROM domain_operation");
            h.execute("DELETE FROM registry_message");
            h.execute("DELETE FROM domain_price");
            h.execute("DELETE FROM registry_balance_alert");
        });
    }

    /** A name no other test uses. */
    static DomainName unique(String label) {
        return DomainName.of(label + "-" + SEQUENCE.incrementAndGet() + ".dk");
    }

    static IdempotencyKey key(String what) {
        return IdempotencyKey.of(what + "-" + SEQUENCE.incrementAndGet());
    }

    DomainOperationRequest create(String customer, DomainName name, IdempotencyKey key) {
        return request(customer, RegistryCommand.of(RegisterDomain.of(key, name, Period.years(1), new ContactHandle("C1"), null)));
    }

    DomainOperationRequest renew(String customer, DomainName name, LocalDate expiry, IdempotencyKey key) {
        return request(customer, RegistryCommand.of(RenewDomain.of(key, name, expiry, Period.years(1))));
    }

    DomainOperationRequest transfer(String customer, DomainName name, IdempotencyKey key) {
        return request(customer, RegistryCommand.of(new TransferDomain(key, name, "auth-code", null)));
    }

    DomainOperationRequest restore(String customer, DomainName name, IdempotencyKey key) {
        return request(customer, RegistryCommand.of(new RestoreDomain(key, name, null)));
    }

    private DomainOperationRequest request(String customer, RegistryCommand command) {
        return new DomainOperationRequest(customer, funding.sourceId(), Money.of("100", "DKK"), command);
    }

    void renewalPrice(String tld, String amount) {
        prices.set(Tld.of(tld), ChargeKind.DOMAIN_RENEW, Money.of(amount, "DKK"));
    }
}
