package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.funding.FundingSource;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.portfolio.PortfolioDomain.State;
import org.kontor.api.registry.ContactHandle;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.RegisterDomain;
import org.kontor.api.registry.TransferDomain;
import org.kontor.database.Database;
import org.kontor.host.domains.DomainRecord;
import org.kontor.host.domains.MemoryFunding;
import org.kontor.host.domains.RegistryMessages;
import org.kontor.host.domains.RegistryPoller;
import org.kontor.host.plugins.FakeExtensions;
import org.kontor.host.provisioning.DomainOperationRequest;
import org.kontor.host.provisioning.DomainOperationStore;
import org.kontor.host.provisioning.DomainOperations;
import org.kontor.host.provisioning.OperationState;
import org.kontor.host.provisioning.ProvisioningTargets;
import org.kontor.host.provisioning.RegistryCommand;
import org.kontor.plugins.epp.registry.EppRegistryExtension;
import org.kontor.plugins.epp.registry.EppRegistrySettings;
import org.kontor.plugins.sandbox.protocol.ResponseWriter;
import org.kontor.plugins.sandbox.registry.SandboxRegistry;
import org.kontor.plugins.sandbox.server.SandboxServer;
import org.kontor.plugins.sandbox.settings.RegistrarAccount;
import org.kontor.plugins.sandbox.settings.SandboxSettings;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.RecordingEvents;
import org.kontor.testkit.RecordingMailer;
import org.kontor.testkit.TestClock;
import org.kontor.testkit.TestPluginContext;

/**
 * The poll loop over real EPP (EPP-4): the epp-registry plugin polls the sandbox registry over TLS, the host
 * applies each message to its domain records and acknowledges it; the queue ends empty. A domain of ours that
 * another registrar transfers away is recorded as TRANSFERRED_AWAY; a message of a kind the host does not know is kept
 * and acknowledged.
 */
@DatabaseTest(migrateHost = true, plugins = "sandbox-registry")
class EppPollQueueTest {

    private static final String PASSWORD = "Sandbox-Secret-1";
    private static final String AUTH_CODE = "Transfer-Me-42";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** The registry's and the host's time, moved by the test; TLS and the server's certificate keep real time. */
    private final TestClock clock = TestClock.at(Instant.now());

    @DbTest
    void aDomainTransferredAwayIsRecordedSoAndTheQueueIsEmptied(Database db) throws Exception {
        String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
        String us = "pq" + tag;
        String them = "ot" + tag;
        SandboxSettings settings = SandboxSettings.dk(List.of(new RegistrarAccount(us, PASSWORD, Money.of("1000", "DKK")),
                        new RegistrarAccount(them, PASSWORD, Money.of("1000", "DKK"))),
                Map.of("dk", Money.of("75.00", "DKK")), Duration.ofSeconds(30), 2);
        ResponseWriter writer = new ResponseWriter(settings.serverId(), SandboxServer.SERVICES);
        SandboxRegistry sandbox = new SandboxRegistry(db.jdbi(), clock, settings, writer);
        try (SandboxServer server = new SandboxServer(settings, sandbox, writer, Clock.systemUTC(),
                new SplittableRandom(7)).start();
             EppRegistryExtension ours = extension(db, server, us);
             EppRegistryExtension theirs = extension(db, server, them)) {
            MemoryFunding funding = new MemoryFunding();
            ProvisioningTargets targets = new ProvisioningTargets(new FakeExtensions()
                    .add("memory-funding", FundingSource.class, funding)
                    .add("epp-registry", DomainRegistry.class, ours));
            DomainOperationStore store = new DomainOperationStore(db.jdbi(), clock);
            DomainOperations operations = new DomainOperations(store, targets);
            RegistryMessages messages = new RegistryMessages(db.jdbi(), clock);
            RegistryPoller poller = new RegistryPoller(messages, store.domains(), operations, 100);
            DomainName name = DomainName.of("leaving-" + tag + ".dk");

            RegisterDomain create = new RegisterDomain(IdempotencyKey.of("create-" + name.ascii()), name, Period.years(1),
                    new ContactHandle("H1"), Map.of(), List.of(), AUTH_CODE, null);
            var created = operations.perform(new DomainOperationRequest("anna", funding.sourceId(), Money.of("100", "DKK"),
                    RegistryCommand.of(create)));
            assertThat(created.state()).as("%s %s", created.outcomeCode(), created.outcomeMessage())
                    .isEqualTo(OperationState.COMPLETED);
            assertThat(store.domains().find(name).orElseThrow().state()).isEqualTo(State.ACTIVE);

            clock.advance(Duration.ofDays(61)); // past the transfer lock
            assertThat(theirs.requestTransfer(TransferDomain.of(IdempotencyKey.of("take-" + name.ascii()), name, AUTH_CODE))
                    .status()).isEqualTo(OutcomeStatus.PENDING);
            RegistryPoller.Run pending = poller.drain(ours);
            // the sandbox also tells of the create in a plain message: kept for the operator and acknowledged
            assertThat(pending.received()).as("%s", messages.latest(10)).isEqualTo(2);
            assertThat(messages.latest(10)).filteredOn(m -> m.kind().equals("message"))
                    .extracting(RegistryMessages.Stored::outcome).containsExactly("unknown kind");
            assertThat(pending.emptied()).isTrue();
            assertThat(store.domains().find(name).orElseThrow().statuses()).contains("pendingTransfer");

            clock.advance(Duration.ofDays(6)); // the sandbox approves after five days
            sandbox.processDue();
            RegistryPoller.Run approved = poller.drain(ours);

            assertThat(approved.received()).isEqualTo(1);
            assertThat(approved.acknowledged()).isEqualTo(1);
            assertThat(approved.emptied()).isTrue();
            DomainRecord record = store.domains().find(name).orElseThrow();
            assertThat(record.state()).isEqualTo(State.TRANSFERRED_AWAY);
            assertThat(messages.latest(10)).extracting(RegistryMessages.Stored::kind)
                    .contains("transfer-pending", "transfer-serverApproved");
            assertThat(poller.drain(ours)).isEqualTo(new RegistryPoller.Run(0, 0, 0, true));
        }
    }

    private EppRegistryExtension extension(Database db, SandboxServer server, String registrar) throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put(EppRegistrySettings.REGISTRY_ID, "sandbox");
        settings.put(EppRegistrySettings.HOST, "127.0.0.1");
        settings.put(EppRegistrySettings.PORT, Integer.toString(server.port()));
        settings.put(EppRegistrySettings.CLIENT_ID, registrar);
        settings.put(EppRegistrySettings.PASSWORD, PASSWORD);
        settings.put(EppRegistrySettings.CERTIFICATE, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate(server))
                + "\n-----END CERTIFICATE-----\n");
        settings.put(EppRegistrySettings.TLDS, "dk");
        settings.put(EppRegistrySettings.POOL_SIZE, "1");
        settings.put(EppRegistrySettings.ACCOUNT_CURRENCY, "DKK");
        return new EppRegistryExtension(new TestPluginContext("epp-registry", db.jdbi(), clock, new RecordingEvents(),
                new RecordingMailer(), settings));
    }

    private static byte[] certificate(SandboxServer server) {
        try {
            return server.certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
