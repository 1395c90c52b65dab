package org.kontor.it;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.kontor.api.domain.Tld;
import org.kontor.api.funding.FundingSource;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.database.Database;
import org.kontor.host.plugins.FakeExtensions;
import org.kontor.host.provisioning.DomainOperationJanitor;
import org.kontor.host.provisioning.DomainOperationStore;
import org.kontor.host.provisioning.DomainOperations;
import org.kontor.host.provisioning.ProvisioningTargets;
import org.kontor.plugins.prepaidaccount.PrepaidFunding;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.testkit.RecordingEvents;
import org.kontor.testkit.TestPluginContext;
import org.kontor.testkit.registry.TableRegistry;

/**
 * The parts of one host process that a paid domain operation goes through, wired as KontorHost wires
 * them: the real prepaid-account funding source and the shared table registry as running extensions.
 */
record HostParts(Ledger ledger, FundingSource funding, TableRegistry registry, DomainOperationStore store,
                 DomainOperations operations, DomainOperationJanitor janitor) {

    static final String REGISTRY_ID = "sandbox";
    static final Tld TLD = Tld.of("dk");

    /** @param registry the registry as the host sees it (possibly wrapped), backed by {@code tables} */
    static HostParts over(Database database, Clock clock, Duration grace, DomainRegistry registry) {
        TableRegistry tables = registry instanceof TableRegistry table ? table : tableRegistry(database, clock);
        FundingSource funding = new PrepaidFunding(TestPluginContext.of("prepaid-account", database.jdbi(), clock));
        ProvisioningTargets targets = new ProvisioningTargets(new FakeExtensions()
                .add("prepaid-account", FundingSource.class, funding)
                .add("sandbox-registry", DomainRegistry.class, registry));
        DomainOperationStore store = new DomainOperationStore(database.jdbi(), clock);
        return new HostParts(new Ledger(database.jdbi(), clock, new RecordingEvents(), Duration.ofHours(72)), funding,
                tables, store, new DomainOperations(store, targets),
                new DomainOperationJanitor(store, targets, clock, grace, Duration.ofMinutes(1)));
    }

    static HostParts over(Database database, Clock clock, Duration grace) {
        return over(database, clock, grace, tableRegistry(database, clock));
    }

    static TableRegistry tableRegistry(Database database, Clock clock) {
        return new TableRegistry(database.jdbi(), REGISTRY_ID, Set.of(TLD), clock);
    }
}
