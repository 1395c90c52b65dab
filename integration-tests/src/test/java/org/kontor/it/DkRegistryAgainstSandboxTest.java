package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.kontor.api.contact.Contact;
import org.kontor.api.contact.PostalAddress;
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
import org.kontor.api.registry.TransferDomain;
import org.kontor.api.registry.UpdateDomain;
import org.kontor.database.Database;
import org.kontor.plugins.registrydk.DkRegistryExtension;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * The registry-dk plugin against the sandbox's .dk profile with strict references, over TLS, on both databases:
 * what the plugin sends must be what the sandbox (after the .dk specification) takes, and what the sandbox
 * answers must be what the plugin reads.
 */
@DatabaseTest(plugins = "sandbox-registry")
class DkRegistryAgainstSandboxTest {

    static final PostalAddress KBH = new PostalAddress(List.of("Kalvebod Brygge 45"), "Copenhagen V", null, "1560",
            "DK");

    private final Clock clock = Clock.systemUTC();

    private static EppSandbox start(Database db, String balance) {
        return EppSandbox.start(db, Money.of(balance, "DKK"),
                EppSandbox.strict(new BigDecimal("500.00"), new BigDecimal("100.00")));
    }

    static Contact company(String organization) {
        return Contact.company("Jane Doe", organization, KBH, "jane@example.dk", "+45.33333333", "DK24210375")
                .withIdentifier(Contact.EAN, "5798009780690").withIdentifier(Contact.P_NUMBER, "1006410698")
                .withMobilePhone("+45.51270675");
    }

    static Contact individual(String name) {
        return Contact.individual(name, KBH, "holder@example.dk", "+45.44444444");
    }

    static ContactHandle contact(DkRegistryExtension dk, String key, Contact contact) {
        Outcome<ContactHandle> created = dk.createContact(CreateContact.of(IdempotencyKey.of(key), contact));
        assertThat(created.status()).as(created.message()).isEqualTo(OutcomeStatus.PROCESSED);
        return created.value();
    }

    static RegisterDomain register(String key, DomainName name, ContactHandle registrant, Instant acceptedAt) {
        return RegisterDomain.of(IdempotencyKey.of(key), name, Period.years(1), registrant, List.of())
                .withTermsAcceptedAt(acceptedAt);
    }

    private static RegistryMessage next(DkRegistryExtension dk) {
        RegistryMessage message = dk.poll().orElseThrow();
        dk.acknowledge(message.id());
        return message;
    }

    private static long contactRows(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sandbox_registry_contact")
                .mapTo(Long.class).one());
    }

    @DbTest
    void contactsGetTheRegistrysIdsAndACreateIsDecidedThroughThePollQueue(Database db) {
        try (EppSandbox sandbox = start(db, "1000.00");
             DkRegistryExtension dk = sandbox.dkExtension(db, clock, sandbox.registrar)) {
            ContactHandle holder = contact(dk, "contact-" + sandbox.tag, company("Firma ApS"));
            assertThat(holder.id()).as("the registry chose the id for auto").isNotEqualTo("auto").endsWith("-DK");
            assertThat(contact(dk, "contact-again-" + sandbox.tag, company("Firma ApS")))
                    .as("auto gives the id of an identical contact").isEqualTo(holder);
            long contacts = contactRows(db);
            Contact withoutCvr = Contact.company("Jane Doe", "Uden CVR ApS", KBH, "jane@example.dk", "+45.33333333",
                    null);
            Outcome<ContactHandle> refused = dk.createContact(CreateContact.of(
                    IdempotencyKey.of("no-cvr-" + sandbox.tag), withoutCvr));
            assertThat(refused.status()).isEqualTo(OutcomeStatus.ERROR);
            assertThat(refused.code()).isEqualTo("cvr-required");
            assertThat(contactRows(db)).as("nothing reached the registry").isEqualTo(contacts);

            DomainName name = DomainName.of(sandbox.domain("approved"));
            String key = "create-" + name.ascii();
            Outcome<DomainRegistration> pending = dk.register(register(key, name, holder, clock.instant()));
            assertThat(pending.status()).as(pending.message()).isEqualTo(OutcomeStatus.PENDING);
            String today = DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(ZoneOffset.UTC));
            assertThat(pending.value().registryReference()).as("the tracking number").startsWith(today).hasSize(13);
            assertThat(dk.status(IdempotencyKey.of(key), name).status()).isEqualTo(OutcomeStatus.PENDING);
            assertThat(sandbox.registry.balance(sandbox.registrar)).isEqualTo(Money.of("925.00", "DKK"));

            assertThat(sandbox.registry.decide(name.ascii(), true)).isTrue();
            RegistryMessage approved = next(dk);
            assertThat(approved.kind()).isEqualTo("create-approved");
            assertThat(approved.domain()).isEqualTo(name);
            assertThat(approved.data()).containsEntry("paTRID", key);
            Outcome<DomainRegistration> done = dk.status(IdempotencyKey.of(key), name);
            assertThat(done.status()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(LocalDate.ofInstant(done.value().expiresAt(), ZoneOffset.UTC))
                    .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusYears(1));
            DomainInfo info = dk.info(name).orElseThrow();
            assertThat(info.registrant()).isEqualTo(holder);
            assertThat(info.sponsor()).isEqualTo(sandbox.registrar);

            DomainName refusedName = DomainName.of(sandbox.domain("refused"));
            String refusedKey = "create-" + refusedName.ascii();
            assertThat(dk.register(register(refusedKey, refusedName, holder, clock.instant())).status())
                    .isEqualTo(OutcomeStatus.PENDING);
            assertThat(sandbox.registry.decide(refusedName.ascii(), false)).isTrue();
            RegistryMessage rejected = next(dk);
            assertThat(rejected.kind()).isEqualTo("create-rejected");
            assertThat(rejected.data()).containsEntry("paTRID", refusedKey);
            assertThat(dk.status(IdempotencyKey.of(refusedKey), refusedName).status())
                    .as("a refused application is gone from the registry").isEqualTo(OutcomeStatus.CANCELED);
            assertThat(sandbox.registry.balance(sandbox.registrar)).as("the refused create was refunded")
                    .isEqualTo(Money.of("925.00", "DKK"));
            assertThat(dk.poll()).isEmpty();
        }
    }

    @DbTest
    void theAdminAndTechContactsAnOrderNamesAreLeftOutOfTheCreateForTheRegistryRefusesThem(Database db) {
        try (EppSandbox sandbox = start(db, "1000.00");
             DkRegistryExtension dk = sandbox.dkExtension(db, clock, sandbox.registrar)) {
            ContactHandle holder = contact(dk, "contact-" + sandbox.tag, company("Firma ApS"));
            DomainName name = DomainName.of(sandbox.domain("with-contacts"));
            RegisterDomain asAnOrderSendsIt = new RegisterDomain(IdempotencyKey.of("create-" + name.ascii()), name,
                    Period.years(1), holder, java.util.Map.of(org.kontor.api.contact.ContactRole.ADMIN, holder,
                    org.kontor.api.contact.ContactRole.TECH, holder), List.of(), null, null)
                    .withTermsAcceptedAt(clock.instant());

            Outcome<DomainRegistration> answer = dk.register(asAnOrderSendsIt);

            assertThat(answer.status()).as(answer.message()).isEqualTo(OutcomeStatus.PENDING);
            assertThat(sandbox.registry.decide(name.ascii(), true)).isTrue();
            assertThat(dk.info(name).orElseThrow().registrant()).isEqualTo(holder);
        }
    }

    @DbTest
    void theRegistrantChangesWithTheTokenAndAnAuthIdMovesTheDomainToAnotherRegistrar(Database db) {
        try (EppSandbox sandbox = start(db, "1000.00");
             DkRegistryExtension dk = sandbox.dkExtension(db, clock, sandbox.registrar);
             DkRegistryExtension gaining = sandbox.dkExtension(db, clock, sandbox.otherRegistrar())) {
            ContactHandle holder = contact(dk, "holder-" + sandbox.tag, individual("Jens Hansen"));
            ContactHandle next = contact(dk, "next-" + sandbox.tag, individual("Mette Hansen"));
            assertThat(next).isNotEqualTo(holder);
            DomainName name = DomainName.of(sandbox.domain("moving"));
            dk.register(register("create-" + name.ascii(), name, holder, clock.instant()));
            sandbox.registry.decide(name.ascii(), true);
            assertThat(next(dk).kind()).isEqualTo("create-approved");

            Outcome<DomainInfo> withoutTerms = dk.update(UpdateDomain.registrant(
                    IdempotencyKey.of("chg-none-" + name.ascii()), name, next, null));
            assertThat(withoutTerms.status()).isEqualTo(OutcomeStatus.ERROR);
            assertThat(withoutTerms.code()).isEqualTo("terms-not-accepted");
            Outcome<DomainInfo> changed = dk.update(UpdateDomain.registrant(
                    IdempotencyKey.of("chg-" + name.ascii()), name, next, clock.instant()));
            assertThat(changed.status()).as(changed.message()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(dk.info(name).orElseThrow().registrant()).isEqualTo(next);

            assertThat(dk.info(name).orElseThrow().authCode()).as("no auth id before one is asked for").isNull();
            Outcome<DomainInfo> set = dk.update(UpdateDomain.authCode(IdempotencyKey.of("auth-" + name.ascii()), name,
                    "any"));
            assertThat(set.status()).as(set.message()).isEqualTo(OutcomeStatus.PROCESSED);
            String authId = dk.info(name).orElseThrow().authCode();
            assertThat(authId).as("the registry's token").startsWith("REG-TRANSFER-");

            Outcome<DomainTransfer> wrong = gaining.requestTransfer(TransferDomain.of(
                    IdempotencyKey.of("trn-wrong-" + name.ascii()), name, "REG-TRANSFER-0000"));
            assertThat(wrong.status()).isEqualTo(OutcomeStatus.ERROR);
            Outcome<DomainTransfer> moved = gaining.requestTransfer(TransferDomain.of(
                    IdempotencyKey.of("trn-" + name.ascii()), name, authId));
            assertThat(moved.status()).as(moved.message()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(moved.value().status()).isEqualTo(DomainTransfer.Status.CLIENT_APPROVED);
            assertThat(gaining.info(name).orElseThrow().sponsor()).isEqualTo(sandbox.otherRegistrar());
            RegistryMessage lost = next(dk);
            assertThat(lost.kind()).isEqualTo("transfer-clientApproved");
            assertThat(lost.domain()).isEqualTo(name);
            assertThat(lost.data()).containsEntry("reID", sandbox.otherRegistrar());
        }
    }

    @DbTest
    void aDeletedDomainIsRestoredByTheReportAlone(Database db) {
        try (EppSandbox sandbox = start(db, "1000.00");
             DkRegistryExtension dk = sandbox.dkExtension(db, clock, sandbox.registrar)) {
            ContactHandle holder = contact(dk, "holder-" + sandbox.tag, individual("Jens Hansen"));
            DomainName name = DomainName.of(sandbox.domain("restored"));
            dk.register(register("create-" + name.ascii(), name, holder, clock.instant()));
            sandbox.registry.decide(name.ascii(), true);

            Outcome<Void> deleted = dk.delete(new DeleteDomain(IdempotencyKey.of("del-" + name.ascii()), name));
            assertThat(deleted.status()).as("flagged for deletion: 1001").isEqualTo(OutcomeStatus.PENDING);
            assertThat(sandbox.registry.find(name.ascii())).isEmpty();
            assertThat(sandbox.registry.findIncludingDeleted(name.ascii())).isPresent();

            Outcome<DomainRegistration> restored = dk.restore(new RestoreDomain(
                    IdempotencyKey.of("restore-" + name.ascii()), name, "deleted by mistake"));
            assertThat(restored.status()).as(restored.message()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(restored.value().expiresAt()).isNotNull();
            assertThat(sandbox.registry.find(name.ascii())).isPresent();
            assertThat(dk.info(name).orElseThrow().statuses()).doesNotContain("pendingDelete");
            assertThat(sandbox.registry.balance(sandbox.registrar)).as("create and restore charged")
                    .isEqualTo(Money.of("850.00", "DKK"));
        }
    }

    @DbTest
    void theBalanceHasFourFiguresAndACreateBeyondBalanceAndCreditIs2104(Database db) {
        try (EppSandbox sandbox = start(db, "-450.00");
             DkRegistryExtension dk = sandbox.dkExtension(db, clock, sandbox.registrar)) {
            RegistryBalance balance = dk.registryBalance().orElseThrow();
            assertThat(balance.balance()).isEqualTo(Money.of("-450.00", "DKK"));
            assertThat(balance.creditLimit()).isEqualTo(Money.of("500.00", "DKK"));
            assertThat(balance.availableCredit()).isEqualTo(Money.of("50.00", "DKK"));
            assertThat(balance.lowBalanceThreshold()).isEqualTo(Money.of("100.00", "DKK"));
            assertThat(dk.balance()).contains(Money.of("-450.00", "DKK"));

            ContactHandle holder = contact(dk, "holder-" + sandbox.tag, individual("Jens Hansen"));
            DomainName name = DomainName.of(sandbox.domain("short"));
            Outcome<DomainRegistration> refused = dk.register(register("create-" + name.ascii(), name, holder,
                    clock.instant()));
            assertThat(refused.status()).isEqualTo(OutcomeStatus.ERROR);
            assertThat(refused.code()).isEqualTo("2104");
            assertThat(sandbox.registry.findIncludingDeleted(name.ascii())).isEmpty();
            assertThat(sandbox.registry.balance(sandbox.registrar)).isEqualTo(Money.of("-450.00", "DKK"));
        }
    }

    @DbTest
    void autoRenewIsChosenOnCreateChangedByUpdateAndReadByInfo(Database db) {
        try (EppSandbox sandbox = start(db, "1000.00");
             DkRegistryExtension dk = sandbox.dkExtension(db, clock, sandbox.registrar)) {
            ContactHandle holder = contact(dk, "holder-" + sandbox.tag, individual("Jens Hansen"));
            DomainName name = DomainName.of(sandbox.domain("renewal"));
            Outcome<DomainRegistration> pending = dk.register(register("create-" + name.ascii(), name, holder,
                    clock.instant()).withAutoRenew(false));
            assertThat(pending.status()).as(pending.message()).isEqualTo(OutcomeStatus.PENDING);
            sandbox.registry.decide(name.ascii(), true);
            assertThat(dk.info(name).orElseThrow().autoRenew()).isFalse();

            Outcome<DomainInfo> on = dk.update(UpdateDomain.autoRenew(IdempotencyKey.of("renew-on-" + name.ascii()),
                    name, true));
            assertThat(on.status()).as(on.message()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(on.value().autoRenew()).isTrue();
            assertThat(sandbox.registry.find(name.ascii()).orElseThrow().autoRenew()).isTrue();

            DomainName byDefault = DomainName.of(sandbox.domain("default-renewal"));
            dk.register(register("create-" + byDefault.ascii(), byDefault, holder, clock.instant()));
            sandbox.registry.decide(byDefault.ascii(), true);
            assertThat(dk.info(byDefault).orElseThrow().autoRenew()).as("the account default").isTrue();
        }
    }

    @DbTest
    void glueNameserversAreAddedByAnUpdateOnceTheCreateIsApproved(Database db) throws Exception {
        try (EppSandbox sandbox = start(db, "1000.00");
             DkRegistryExtension dk = sandbox.dkExtension(db, clock, sandbox.registrar)) {
            ContactHandle holder = contact(dk, "holder-" + sandbox.tag, individual("Jens Hansen"));
            DomainName name = DomainName.of(sandbox.domain("glue"));
            Nameserver glue = Nameserver.withGlue("ns1." + name.ascii(), InetAddress.getByName("192.0.2.53"),
                    InetAddress.getByName("2001:db8::53"));
            String key = "create-" + name.ascii();
            Outcome<DomainRegistration> pending = dk.register(RegisterDomain.of(IdempotencyKey.of(key), name,
                    Period.years(1), holder, List.of(glue)).withTermsAcceptedAt(clock.instant()));
            assertThat(pending.status()).as(pending.message()).isEqualTo(OutcomeStatus.PENDING);
            assertThat(pending.message()).contains("ns1." + name.ascii(), "once the domain exists");

            Outcome<DomainInfo> early = dk.update(UpdateDomain.nameservers(IdempotencyKey.of("ns-early-" + name.ascii()),
                    name, List.of(glue), List.of()));
            assertThat(early.status()).as("no host inside a domain the registry has not approved yet")
                    .isEqualTo(OutcomeStatus.ERROR);
            assertThat(early.code()).isEqualTo("host-create-failed");

            sandbox.registry.decide(name.ascii(), true);
            assertThat(next(dk).kind()).isEqualTo("create-approved");
            assertThat(dk.status(IdempotencyKey.of(key), name).status()).isEqualTo(OutcomeStatus.PROCESSED);
            Outcome<DomainInfo> added = dk.update(UpdateDomain.nameservers(IdempotencyKey.of("ns-" + name.ascii()),
                    name, List.of(glue), List.of()));
            assertThat(added.status()).as(added.message()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(added.value().nameservers()).extracting(ns -> ns.host().ascii())
                    .containsExactly("ns1." + name.ascii());
            String addresses = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT addresses FROM sandbox_registry_host WHERE name = :n").bind("n", "ns1." + name.ascii())
                    .mapTo(String.class).one());
            assertThat(addresses).contains("v4:192.0.2.53", "v6:");
        }
    }

    @DbTest
    void theRestoreReportGivesTheDeletionTimeTheRegistryKnows(Database db) {
        try (EppSandbox sandbox = start(db, "1000.00");
             DkRegistryExtension dk = sandbox.dkExtension(db, clock, sandbox.registrar)) {
            ContactHandle holder = contact(dk, "holder-" + sandbox.tag, individual("Jens Hansen"));
            DomainName name = DomainName.of(sandbox.domain("deleted-earlier"));
            dk.register(register("create-" + name.ascii(), name, holder, clock.instant()));
            sandbox.registry.decide(name.ascii(), true);
            dk.delete(new DeleteDomain(IdempotencyKey.of("del-" + name.ascii()), name));
            // deleted three days ago: the time of the restore is no longer the deletion time
            long threeDaysAgo = clock.instant().minus(java.time.Duration.ofDays(3)).toEpochMilli();
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE sandbox_registry_domain SET deleted_at = :at, "
                    + "rgp_since = :at, updated_at = :at WHERE name = :n").bind("at", threeDaysAgo)
                    .bind("n", name.ascii()).execute());

            Outcome<DomainRegistration> restored = dk.restore(new RestoreDomain(
                    IdempotencyKey.of("restore-" + name.ascii()), name, "deleted by mistake"));

            assertThat(restored.status()).as(restored.message()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(sandbox.registry.find(name.ascii())).isPresent();
        }
    }
}
