package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.kontor.api.contact.Contact;
import org.kontor.api.contact.ContactRole;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Nameserver;
import org.kontor.api.domain.Period;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.registry.ContactHandle;
import org.kontor.api.registry.CreateContact;
import org.kontor.api.registry.DeleteDomain;
import org.kontor.api.registry.DomainInfo;
import org.kontor.api.registry.DomainRegistration;
import org.kontor.api.registry.DomainTransfer;
import org.kontor.api.registry.RegisterDomain;
import org.kontor.api.registry.RegistryBalance;
import org.kontor.api.registry.RegistryMessage;
import org.kontor.api.registry.RestoreDomain;
import org.kontor.api.registry.TransferAction;
import org.kontor.api.registry.TransferDomain;
import org.kontor.database.Database;
import org.kontor.plugins.epp.registry.EppRegistryExtension;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * The epp-registry plugin's generic profile against the sandbox with strict references
 * ({@code RegistryRules.DEFAULT}): contacts and hosts must exist before a domain names them, transfers wait for
 * the losing registrar, and a restore is a request and a report (RFC 3915). Over TLS, on both databases.
 */
@DatabaseTest(plugins = "sandbox-registry")
class EppStrictRegistryAgainstSandboxTest {

    private static final String TLD = EppSandbox.GENERIC_TLD;

    private final Clock clock = Clock.systemUTC();
    private final MutableClock registryClock = new MutableClock(clock.instant());

    private EppSandbox start(Database db) {
        return EppSandbox.start(db, Money.of("1000.00", "DKK"),
                EppSandbox.strict(new BigDecimal("200.00"), new BigDecimal("50.00")), registryClock);
    }

    private static ContactHandle contact(EppRegistryExtension registry, String key, String name) {
        Outcome<ContactHandle> created = registry.createContact(CreateContact.of(IdempotencyKey.of(key),
                Contact.individual(name, DkRegistryAgainstSandboxTest.KBH, "holder@example.dk", "+45.44444444")));
        assertThat(created.status()).as(created.message()).isEqualTo(OutcomeStatus.PROCESSED);
        return created.value();
    }

    private static RegistryMessage next(EppRegistryExtension registry) {
        RegistryMessage message = registry.poll().orElseThrow();
        registry.acknowledge(message.id());
        return message;
    }

    @DbTest
    void aDomainWithItsContactsAndGlueHostsMovesToAnotherRegistrarWhenTheLosingOneApproves(Database db)
            throws Exception {
        try (EppSandbox sandbox = start(db);
             EppRegistryExtension ours = sandbox.extension(db, clock, sandbox.registrar, TLD);
             EppRegistryExtension theirs = sandbox.extension(db, clock, sandbox.otherRegistrar(), TLD)) {
            DomainName name = DomainName.of(sandbox.domain("glue", TLD));
            RegisterDomain unknownContact = RegisterDomain.of(IdempotencyKey.of("early-" + name.ascii()), name,
                    Period.years(1), new ContactHandle("nobody-" + sandbox.tag), List.of());
            Outcome<DomainRegistration> refused = ours.register(unknownContact);
            assertThat(refused.status()).as("strict references").isEqualTo(OutcomeStatus.ERROR);
            assertThat(refused.code()).isEqualTo("2303");

            ContactHandle holder = contact(ours, "holder-" + sandbox.tag, "Jens Hansen");
            ContactHandle tech = contact(ours, "tech-" + sandbox.tag, "Mette Hansen");
            assertThat(holder.id()).as("the id derived from the key is kept").startsWith("k").hasSize(16);
            List<Nameserver> glue = List.of(
                    Nameserver.withGlue("ns1." + name.ascii(), InetAddress.getByName("192.0.2.1")),
                    Nameserver.withGlue("ns2." + name.ascii(), InetAddress.getByName("2001:db8::2")));
            Outcome<DomainRegistration> created = ours.register(RegisterDomain.of(
                    IdempotencyKey.of("create-" + name.ascii()), name, Period.years(1), holder, glue)
                    .withContacts(Map.of(ContactRole.ADMIN, holder, ContactRole.TECH, tech)));
            assertThat(created.status()).as(created.message()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(created.message()).as("the glue was added").isNull();

            DomainInfo info = ours.info(name).orElseThrow();
            assertThat(info.registrant()).isEqualTo(holder);
            assertThat(info.contacts().get(ContactRole.ADMIN)).containsExactly(holder);
            assertThat(info.contacts().get(ContactRole.TECH)).containsExactly(tech);
            assertThat(info.nameservers()).extracting(ns -> ns.host().ascii())
                    .containsExactlyInAnyOrder("ns1." + name.ascii(), "ns2." + name.ascii());
            assertThat(info.authCode()).isNotBlank();
            assertThat(hostRows(db, name)).isEqualTo(2);
            assertThat(next(ours).text()).contains("created");

            registryClock.advance(Duration.ofDays(61)); // past the 60-day lock after a registration
            Outcome<DomainTransfer> requested = theirs.requestTransfer(TransferDomain.of(
                    IdempotencyKey.of("trn-" + name.ascii()), name, info.authCode()));
            assertThat(requested.status()).as(requested.message()).isEqualTo(OutcomeStatus.PENDING);
            assertThat(requested.value().status()).isEqualTo(DomainTransfer.Status.PENDING);
            RegistryMessage asked = next(ours);
            assertThat(asked.kind()).isEqualTo("transfer-pending");
            assertThat(asked.domain()).isEqualTo(name);
            assertThat(asked.data()).containsEntry("reID", sandbox.otherRegistrar());

            Outcome<DomainTransfer> approved = ours.transferAction(TransferAction.of(
                    IdempotencyKey.of("approve-" + name.ascii()), name, TransferAction.Operation.APPROVE));
            assertThat(approved.status()).as(approved.message()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(approved.value().status()).isEqualTo(DomainTransfer.Status.CLIENT_APPROVED);
            RegistryMessage done = next(theirs);
            assertThat(done.kind()).isEqualTo("transfer-clientApproved");
            assertThat(done.domain()).isEqualTo(name);
            DomainInfo moved = theirs.info(name).orElseThrow();
            assertThat(moved.sponsor()).isEqualTo(sandbox.otherRegistrar());
            assertThat(moved.expiresAt()).as("a year added by the transfer")
                    .isAfter(info.expiresAt().plus(Duration.ofDays(364)));
            assertThat(sandbox.registry.balance(sandbox.otherRegistrar())).isEqualTo(Money.of("925.00", "DKK"));
        }
    }

    @DbTest
    void aDeletedDomainIsRestoredByRequestAndReportAndTheBalanceShowsFourFigures(Database db) {
        try (EppSandbox sandbox = start(db);
             EppRegistryExtension ours = sandbox.extension(db, clock, sandbox.registrar, TLD)) {
            DomainName name = DomainName.of(sandbox.domain("restore", TLD));
            ContactHandle holder = contact(ours, "holder-" + sandbox.tag, "Jens Hansen");
            assertThat(ours.register(RegisterDomain.of(IdempotencyKey.of("create-" + name.ascii()), name,
                    Period.years(1), holder, List.of())).status()).isEqualTo(OutcomeStatus.PROCESSED);
            DomainInfo before = ours.info(name).orElseThrow();

            Outcome<Void> deleted = ours.delete(new DeleteDomain(IdempotencyKey.of("del-" + name.ascii()), name));
            assertThat(deleted.status()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(sandbox.registry.find(name.ascii())).isEmpty();

            Outcome<DomainRegistration> restored = ours.restore(new RestoreDomain(
                    IdempotencyKey.of("restore-" + name.ascii()), name, "deleted by mistake"));
            assertThat(restored.status()).as(restored.message()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(restored.value().expiresAt()).isEqualTo(before.expiresAt());
            DomainInfo after = ours.info(name).orElseThrow();
            assertThat(after.statuses()).containsExactly("ok");
            assertThat(after.registrant()).isEqualTo(holder);
            assertThat(sandbox.registry.find(name.ascii())).isPresent();

            RegistryBalance balance = ours.registryBalance().orElseThrow();
            assertThat(balance.balance()).as("create and restore").isEqualTo(Money.of("850.00", "DKK"));
            assertThat(balance.creditLimit()).isEqualTo(Money.of("200.00", "DKK"));
            assertThat(balance.availableCredit()).isEqualTo(Money.of("1050.00", "DKK"));
            assertThat(balance.lowBalanceThreshold()).isEqualTo(Money.of("50.00", "DKK"));
        }
    }

    private static long hostRows(Database db, DomainName name) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sandbox_registry_host WHERE name LIKE :s")
                .bind("s", "%." + name.ascii()).mapTo(Long.class).one());
    }
}
