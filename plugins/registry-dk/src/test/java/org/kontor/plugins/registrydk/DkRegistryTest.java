package org.kontor.plugins.registrydk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.api.contact.Contact;
import org.kontor.api.contact.HolderType;
import org.kontor.api.contact.PostalAddress;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Nameserver;
import org.kontor.api.domain.Period;
import org.kontor.api.domain.Tld;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.registry.ContactHandle;
import org.kontor.api.registry.CreateContact;
import org.kontor.api.registry.DomainInfo;
import org.kontor.api.registry.DomainRegistration;
import org.kontor.api.registry.DomainTransfer;
import org.kontor.api.registry.RegisterDomain;
import org.kontor.api.registry.RegistryBalance;
import org.kontor.api.registry.RegistryMessage;
import org.kontor.api.registry.RestoreDomain;
import org.kontor.api.registry.TransferDomain;
import org.kontor.api.registry.UpdateDomain;
import org.kontor.plugins.epp.codec.EppSchemas;
import org.kontor.plugins.epp.registry.EppDomainRegistry;
import org.kontor.plugins.epp.registry.ScriptedRegistry;
import org.kontor.plugins.epp.session.EppTimeouts;
import org.kontor.plugins.epp.session.ScriptedEppServer;
import org.kontor.plugins.epp.session.ScriptedEppServer.Frame;

/**
 * The .dk profile over real sessions: every frame it sends is validated against the registry's schema set,
 * and the registry's own example answers (from its specification) are what the scripted server replies.
 */
class DkRegistryTest {

    private static final Instant NOW = Instant.parse("2026-05-11T09:00:00Z");
    private static final Instant ACCEPTED = Instant.parse("2026-05-11T08:30:00Z");
    private static final DomainName NAME = DomainName.of("eksempel.dk");
    private static final PostalAddress KBH = new PostalAddress(List.of("Kalvebod Brygge 45"), "København V", null,
            "1560", "DK");

    private final Deque<Function<Frame, String>> answers = new ArrayDeque<>();
    private ScriptedRegistry server;

    @AfterEach
    void close() throws Exception {
        if (server != null) {
            server.close();
            assertThat(server.invalidFrames()).isEmpty();
        }
    }

    private EppDomainRegistry registry(boolean termsAtOrder) throws Exception {
        return registry(termsAtOrder, ScriptedEppServer.GREETING);
    }

    private EppDomainRegistry registry(boolean termsAtOrder, String greeting) throws Exception {
        DkSettings settings = new DkSettings("dk-hostmaster", "localhost", 700, "REG-1234", "Secret-Passw0rd", "",
                Set.of(Tld.of("dk")), 1, 100, 5, EppTimeouts.defaults(), termsAtOrder);
        server = ScriptedRegistry.start(greeting, EppSchemas.dkhm(), settings.endpoint().extensionUris(),
                frame -> answers.remove().apply(frame));
        return DkRegistryExtension.registry(settings, server.transport(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void answer(Function<Frame, String> answer) {
        answers.add(answer);
    }

    /** One of the registry's example answers, echoing the frame's clTRID. */
    private void answerWith(String example) {
        answers.add(frame -> example(example).replaceFirst("(<trID>\\s*)<clTRID>[^<]*</clTRID>",
                "$1<clTRID>" + frame.clTRID() + "</clTRID>"));
    }

    private void answer(int code, String message) {
        answers.add(frame -> ScriptedRegistry.response(frame, code, message, null, null));
    }

    static String example(String path) {
        try (InputStream in = DkRegistryTest.class.getResourceAsStream("/epp/xml/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing example " + path, e);
        }
    }

    private static RegisterDomain create(String key) {
        return new RegisterDomain(IdempotencyKey.of(key), NAME, Period.years(1), new ContactHandle("USER1-DK"),
                Map.of(), List.of(Nameserver.of("ns1.dk-hostmaster.dk"), Nameserver.of("ns2.dk-hostmaster.dk")),
                null, null).withTermsAcceptedAt(ACCEPTED);
    }

    @Test
    void aCreateIsPendingWithItsTrackingNumberAndThePollQueueApprovesIt() throws Exception {
        EppDomainRegistry registry = registry(false);
        answerWith("dkhm-spec/line-2304.xml"); // 1001 with dkhm:trackingNo
        answer(2303, "Object does not exist");
        answer(frame -> example("dkhm-spec/line-2349.xml").replace("095f6d91095189c88977166b61d196b9", "order-7-create")
                .replace("<clTRID>3ea0bbaaa74c30dc610ede409fee1662</clTRID>", "<clTRID>" + frame.clTRID() + "</clTRID>"));

        Outcome<DomainRegistration> outcome = registry.register(create("order-7-create"));
        Outcome<DomainRegistration> status = registry.status(IdempotencyKey.of("order-7-create"), NAME);
        RegistryMessage message = registry.poll().orElseThrow();

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.PENDING);
        assertThat(outcome.value().registryReference()).isEqualTo("2026051100008");
        Frame create = server.frames().get(0);
        assertThat(create.clTRID()).isEqualTo("order-7-create");
        assertThat(create.xml()).contains("<dkhm:orderconfirmationToken xmlns:dkhm=\"urn:dkhm:params:xml:ns:dkhm-4.5\">"
                + ACCEPTED.getEpochSecond() + "</dkhm:orderconfirmationToken>", "<domain:pw></domain:pw>",
                "<domain:hostObj>ns1.dk-hostmaster.dk</domain:hostObj>");
        assertThat(status.status()).as("no application at the registry: refused or never received")
                .isEqualTo(OutcomeStatus.CANCELED);
        assertThat(message.kind()).isEqualTo("create-approved");
        assertThat(message.id()).isEqualTo("123456");
        assertThat(message.data()).containsEntry("paTRID", "order-7-create");
        assertThat(message.text()).isEqualTo("test123.dk has been registered and activated");
    }

    @Test
    void aRejectedApplicationComesAsACreateRejectedMessage() throws Exception {
        EppDomainRegistry registry = registry(false);
        answerWith("dkhm-spec/line-2431.xml");

        RegistryMessage message = registry.poll().orElseThrow();

        assertThat(message.kind()).isEqualTo("create-rejected");
        assertThat(message.domain()).isEqualTo(DomainName.of("punktum.dk"));
        assertThat(message.data()).containsEntry("paTRID", "6a60db6abb6a7b3abfbeef9c696f18e3");
    }

    @Test
    void withoutTheHoldersAcceptanceOfTheTermsNothingIsSent() throws Exception {
        EppDomainRegistry registry = registry(false);
        RegisterDomain noTerms = create("k-1").withTermsAcceptedAt(null);

        Outcome<DomainRegistration> missing = registry.register(noTerms);
        Outcome<DomainRegistration> stale = registry.register(create("k-2")
                .withTermsAcceptedAt(NOW.minusSeconds(31L * 24 * 3600)));

        assertThat(missing.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(missing.code()).isEqualTo("terms-not-accepted");
        assertThat(stale.code()).isEqualTo("terms-acceptance-expired");
        assertThat(server.frames()).isEmpty();
    }

    @Test
    void withTheAtOrderSettingTheCommandsTimeIsTheToken() throws Exception {
        EppDomainRegistry registry = registry(true);
        answerWith("dkhm-spec/line-2304.xml");

        registry.register(create("k-3").withTermsAcceptedAt(null));

        assertThat(server.frames().get(0).xml()).contains("\">" + NOW.getEpochSecond() + "</dkhm:orderconfirmationToken>");
    }

    @Test
    void aChangeOfRegistrantCarriesTheToken() throws Exception {
        EppDomainRegistry registry = registry(false);
        answer(1001, "Command completed successfully; action pending");

        Outcome<DomainInfo> outcome = registry.update(UpdateDomain.registrant(IdempotencyKey.of("chg-1"), NAME,
                new ContactHandle("DHA1263-DK"), ACCEPTED));

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.PENDING);
        Frame update = server.frames().get(0);
        assertThat(update.xml()).contains("<domain:chg><domain:registrant>DHA1263-DK</domain:registrant></domain:chg>",
                "<dkhm:orderconfirmationToken");
        assertThat(registry.update(UpdateDomain.registrant(IdempotencyKey.of("chg-2"), NAME,
                new ContactHandle("DHA1263-DK"), null)).code()).isEqualTo("terms-not-accepted");
    }

    @Test
    void aContactIsCreatedAsAutoWithItsUserTypeAndIdentifiersAndTheRegistrysIdIsKept() throws Exception {
        EppDomainRegistry registry = registry(false);
        answerWith("dkhm-spec/line-4195.xml");
        Contact company = new Contact(HolderType.PUBLIC_ORGANIZATION, "Anne Jensen", "Punktum dk A/S", KBH,
                "anne@example.dk", "+45.33646060", "DK 3044 2516")
                .withIdentifier(Contact.EAN, "5798009780690").withIdentifier(Contact.P_NUMBER, "1006410698")
                .withMobilePhone("+45.51270675").withSecondaryEmail("faktura@example.dk");

        Outcome<ContactHandle> outcome = registry.createContact(CreateContact.of(IdempotencyKey.of("c-1"), company));

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(outcome.value().id()).isEqualTo("DHA1263-DK");
        String xml = server.frames().get(0).xml();
        assertThat(xml).contains("<contact:id>auto</contact:id>", "<contact:postalInfo type=\"loc\">",
                "<contact:org>Punktum dk A/S</contact:org>", "<contact:pw></contact:pw>",
                ">public_organization</dkhm:userType>", ">30442516</dkhm:CVR>", ">5798009780690</dkhm:EAN>",
                ">1006410698</dkhm:pnumber>", ">+45.51270675</dkhm:mobilephone>",
                ">faktura@example.dk</dkhm:secondaryEmail>");
    }

    @Test
    void anIndividualSendsNoCvrAndADanishCompanyWithoutOneIsRefused() throws Exception {
        EppDomainRegistry registry = registry(false);
        answerWith("dkhm-spec/line-4195.xml");
        Contact person = new Contact(HolderType.INDIVIDUAL, "Test Test", null, KBH, "epp-test@example.dk",
                "+45.12345678", "DK30442516");

        registry.createContact(CreateContact.of(IdempotencyKey.of("c-2"), person));
        Outcome<ContactHandle> refused = registry.createContact(CreateContact.of(IdempotencyKey.of("c-3"),
                Contact.company("Anne", "Firma ApS", KBH, "a@example.dk", "+45.12345678", null)));

        assertThat(server.frames()).hasSize(1);
        assertThat(server.frames().get(0).xml()).contains(">individual</dkhm:userType>").doesNotContain("dkhm:CVR");
        assertThat(refused.code()).isEqualTo("cvr-required");
        assertThat(DkhmHooks.cvr(Contact.company("A", "B GmbH", PostalAddress.of("Str 1", "10115", "Berlin", "DE"),
                "a@example.de", "+49.301234567", "DE 123456789"))).isEqualTo("DE123456789");
    }

    @Test
    void anAuthIdIsGeneratedWithTheKeywordAndReadFromTheDkhmExtension() throws Exception {
        EppDomainRegistry registry = registry(false);
        answer(1000, "Command completed successfully");
        answerWith("dkhm/authinfo/info_domain_response_with_authinfo_extension.xml");
        answer(1000, "Command completed successfully");
        answerWith("dkhm/authinfo/info_domain_response.xml");

        Outcome<DomainInfo> set = registry.update(UpdateDomain.authCode(IdempotencyKey.of("auth-1"), NAME, "generate"));
        Outcome<DomainInfo> unset = registry.update(UpdateDomain.clearAuthCode(IdempotencyKey.of("auth-2"), NAME));

        assertThat(server.frames().get(0).xml()).contains("<domain:chg><domain:authInfo><domain:pw>autotransfer"
                + "</domain:pw></domain:authInfo></domain:chg>");
        assertThat(set.value().authCode()).isEqualTo("USER1-DK-098f6bcd4621d373cade4e832627b4f6");
        assertThat(server.frames().get(2).xml()).contains("<domain:authInfo><domain:null/></domain:authInfo>");
        assertThat(unset.status()).isEqualTo(OutcomeStatus.PROCESSED);
    }

    @Test
    void aPullTransferSendsTheAuthId() throws Exception {
        EppDomainRegistry registry = registry(false);
        answer(frame -> ScriptedRegistry.response(frame, 1000, "Command completed successfully",
                "<domain:trnData xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\"><domain:name>eksempel.dk</domain:name>"
                        + "<domain:trStatus>clientApproved</domain:trStatus><domain:reID>REG-1234</domain:reID>"
                        + "<domain:reDate>2026-05-11T09:00:00.0Z</domain:reDate><domain:acID>REG-9</domain:acID>"
                        + "<domain:acDate>2026-05-11T09:00:00.0Z</domain:acDate></domain:trnData>", null));

        Outcome<DomainTransfer> outcome = registry.requestTransfer(TransferDomain.of(IdempotencyKey.of("trn-1"), NAME,
                "USER1-DK-098f6bcd4621d373cade4e832627b4f6"));

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(outcome.value().status()).isEqualTo(DomainTransfer.Status.CLIENT_APPROVED);
        assertThat(server.frames().get(0).xml()).contains("<transfer op=\"request\">",
                "<domain:pw>USER1-DK-098f6bcd4621d373cade4e832627b4f6</domain:pw>");
    }

    @Test
    void aRestoreIsTheReportAtOnceAndBillingFailureIsAnErrorTheHostParks() throws Exception {
        EppDomainRegistry registry = registry(false);
        answer(2303, "Object does not exist"); // the info before the report: no deletion time to be had
        answer(2104, "Billing failure");
        answer(2104, "Billing failure");

        Outcome<DomainRegistration> restore = registry.restore(new RestoreDomain(IdempotencyKey.of("rst-1"), NAME,
                "Restored on the holder's request"));
        Outcome<DomainRegistration> create = registry.register(create("k-2104"));

        assertThat(restore.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(restore.code()).isEqualTo("2104");
        assertThat(create.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(create.code()).isEqualTo("2104");
        assertThat(server.frames().get(0).xml()).contains("<domain:info");
        assertThat(server.frames().get(1).xml()).contains("<rgp:restore op=\"report\">",
                "<rgp:delTime>2026-05-11T09:00:00Z</rgp:delTime>",
                "<rgp:statement>Restored on the holder's request</rgp:statement>").doesNotContain("op=\"request\"");
    }

    @Test
    void theRegistrysBalanceAnswerGivesAllFourFigures() throws Exception {
        EppDomainRegistry registry = registry(false);
        answerWith("dkhm/balance_response.xml");

        RegistryBalance balance = registry.registryBalance().orElseThrow();

        assertThat(balance.balance()).isEqualTo(Money.of("2000.00", "DKK"));
        assertThat(balance.creditLimit()).isEqualTo(Money.of("0.00", "DKK"));
        assertThat(balance.availableCredit()).isEqualTo(Money.of("2000.00", "DKK"));
        assertThat(balance.lowBalanceThreshold()).isEqualTo(Money.of("0.00", "DKK"));
        assertThat(server.frames().get(0).xml()).contains("<balance:info");
    }

    @Test
    void theExtensionVersionComesFromTheGreeting() throws Exception {
        String only44 = ScriptedEppServer.GREETING.replace("<extURI>urn:dkhm:params:xml:ns:dkhm-4.5</extURI>", "");
        EppDomainRegistry registry = registry(false, only44);
        answerWith("dkhm-spec/line-2304.xml");

        registry.register(create("k-44"));

        assertThat(server.frames().get(0).xml()).contains("xmlns:dkhm=\"urn:dkhm:params:xml:ns:dkhm-4.4\"");
    }

    @Test
    void infoReadsTheRegistrysExample() throws Exception {
        EppDomainRegistry registry = registry(false);
        answerWith("dkhm/info_domain_response.xml");

        DomainInfo info = registry.info(DomainName.of("eksempel.dk")).orElseThrow();

        assertThat(info.registryReference()).isNotBlank();
        assertThat(new ArrayList<>(info.statuses())).isNotEmpty();
    }

    private static Nameserver glue(String host, String... addresses) throws Exception {
        java.net.InetAddress[] ips = new java.net.InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            ips[i] = java.net.InetAddress.getByName(addresses[i]);
        }
        return Nameserver.withGlue(host, ips);
    }

    /** An info answer on {@link #NAME} in its redemption period, last updated at {@code upDate}. */
    private static String deletedInfo(Frame frame, String upDate, String extension) {
        return ScriptedRegistry.response(frame, 1000, "Command completed successfully",
                "<domain:infData xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\"><domain:name>eksempel.dk</domain:name>"
                        + "<domain:roid>EKSEMPEL_DK-DK</domain:roid><domain:status s=\"pendingDelete\"/>"
                        + "<domain:registrant>USER1-DK</domain:registrant><domain:clID>REG-1234</domain:clID>"
                        + "<domain:crDate>2020-01-01T00:00:00.0Z</domain:crDate>"
                        + (upDate == null ? "" : "<domain:upDate>" + upDate + "</domain:upDate>")
                        + "<domain:exDate>2027-01-01T00:00:00.0Z</domain:exDate></domain:infData>", extension);
    }

    @Test
    void theRestoreReportCarriesTheDeletionTimeFromInfo() throws Exception {
        EppDomainRegistry registry = registry(false);
        answer(frame -> deletedInfo(frame, "2026-05-02T13:14:15.0Z", null));
        answer(1000, "Command completed successfully");
        answerWith("dkhm/info_domain_response.xml");

        Outcome<DomainRegistration> restore = registry.restore(new RestoreDomain(IdempotencyKey.of("rst-2"), NAME,
                null));

        assertThat(restore.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(server.frames().get(0).xml()).contains("<domain:info");
        assertThat(server.frames().get(1).clTRID()).isEqualTo("rst-2");
        assertThat(server.frames().get(1).xml()).contains("<rgp:restore op=\"report\">",
                "<rgp:delTime>2026-05-02T13:14:15Z</rgp:delTime>", "<rgp:resTime>2026-05-11T09:00:00Z</rgp:resTime>");
    }

    @Test
    void theDeletionTimeIsTheStartOfTheRedemptionPeriodWhenTheLastUpdateIsOlder() throws Exception {
        EppDomainRegistry registry = registry(false);
        // expired without a delete command: the last update is older; the advisory dates the purge 30 days on
        answer(frame -> deletedInfo(frame, "2025-11-20T10:00:00.0Z",
                "<dkhm:domainAdvisory xmlns:dkhm=\"urn:dkhm:params:xml:ns:dkhm-4.5\" advisory=\"pendingDeletionDate\" "
                        + "date=\"2026-06-01T22:00:00.0Z\" domain=\"eksempel.dk\"/>"));
        answer(1000, "Command completed successfully");
        answerWith("dkhm/info_domain_response.xml");

        registry.restore(new RestoreDomain(IdempotencyKey.of("rst-3"), NAME, "Holder paid"));

        assertThat(server.frames().get(1).xml()).contains("<rgp:delTime>2026-05-02T22:00:00Z</rgp:delTime>",
                "<rgp:statement>Holder paid</rgp:statement>");
    }

    @Test
    void autoRenewIsSentOnCreateAndUpdateAndReadFromInfo() throws Exception {
        EppDomainRegistry registry = registry(false);
        answerWith("dkhm-spec/line-2304.xml");
        answer(1000, "Command completed successfully");
        answerWith("dkhm-spec/line-2666.xml");
        answer(1000, "Command completed successfully");
        answerWith("dkhm/info_domain_response.xml");

        Outcome<DomainRegistration> created = registry.register(create("ar-1").withAutoRenew(false));
        Outcome<DomainInfo> updated = registry.update(UpdateDomain.autoRenew(IdempotencyKey.of("ar-2"), NAME, true));
        Outcome<DomainInfo> untouched = registry.update(UpdateDomain.authCode(IdempotencyKey.of("ar-3"), NAME, "x"));

        assertThat(created.status()).isEqualTo(OutcomeStatus.PENDING);
        assertThat(server.frames().get(0).xml()).contains(
                "<dkhm:autoRenew xmlns:dkhm=\"urn:dkhm:params:xml:ns:dkhm-4.5\">false</dkhm:autoRenew>");
        assertThat(server.frames().get(1).xml()).contains("<domain:chg/>",
                "<dkhm:autoRenew xmlns:dkhm=\"urn:dkhm:params:xml:ns:dkhm-4.5\">true</dkhm:autoRenew>")
                .doesNotContain("orderconfirmationToken");
        assertThat(updated.value().autoRenew()).as("the spec's info example shows autoRenew true").isTrue();
        assertThat(server.frames().get(3).xml()).doesNotContain("autoRenew");
        assertThat(untouched.value().autoRenew()).as("an info answer without the element").isNull();
    }

    @Test
    void aCreateWithoutAnAutoRenewChoiceLeavesItToTheAccountDefault() throws Exception {
        EppDomainRegistry registry = registry(false);
        answerWith("dkhm-spec/line-2304.xml");

        registry.register(create("ar-4"));

        assertThat(server.frames().get(0).xml()).doesNotContain("autoRenew");
    }

    @Test
    void glueNameserversOfAnUpdateAreCreatedAsHostsWithAddressesFirst() throws Exception {
        EppDomainRegistry registry = registry(false);
        answer(frame -> ScriptedRegistry.response(frame, 1000, "Command completed successfully",
                "<host:chkData xmlns:host=\"urn:ietf:params:xml:ns:host-1.0\"><host:cd><host:name avail=\"1\">"
                        + "ns1.eksempel.dk</host:name></host:cd><host:cd><host:name avail=\"0\">ns2.eksempel.dk"
                        + "</host:name></host:cd></host:chkData>", null));
        answer(1000, "Command completed successfully");
        answer(1000, "Command completed successfully");
        answerWith("dkhm/info_domain_response.xml");

        Outcome<DomainInfo> outcome = registry.update(UpdateDomain.nameservers(IdempotencyKey.of("ns-1"), NAME,
                List.of(glue("ns1.eksempel.dk", "192.0.2.2", "2001:db8::2"),
                        glue("ns2.eksempel.dk", "192.0.2.3")), List.of()));

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(server.frames().get(0).xml()).contains("<host:check");
        assertThat(server.frames().get(1).xml()).contains("<host:create", "<host:name>ns1.eksempel.dk</host:name>",
                "<host:addr ip=\"v4\">192.0.2.2</host:addr>", "<host:addr ip=\"v6\">2001:db8:0:0:0:0:0:2</host:addr>");
        assertThat(server.frames().get(2).xml()).contains("<domain:update", "<domain:add><domain:ns>"
                + "<domain:hostObj>ns1.eksempel.dk</domain:hostObj><domain:hostObj>ns2.eksempel.dk</domain:hostObj>");
    }

    @Test
    void glueNameserversOfACreateWaitForTheApproval() throws Exception {
        EppDomainRegistry registry = registry(false);
        answerWith("dkhm-spec/line-2304.xml");

        Outcome<DomainRegistration> outcome = registry.register(new RegisterDomain(IdempotencyKey.of("g-1"), NAME,
                Period.years(1), new ContactHandle("USER1-DK"), Map.of(), List.of(Nameserver.of("ns1.dk-hostmaster.dk"),
                glue("ns1.eksempel.dk", "192.0.2.2")), null, null).withTermsAcceptedAt(ACCEPTED));

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.PENDING);
        assertThat(outcome.message()).contains("ns1.eksempel.dk", "still to be added once the domain exists");
        assertThat(server.frames()).hasSize(1);
        assertThat(server.frames().get(0).xml()).contains("<domain:hostObj>ns1.dk-hostmaster.dk</domain:hostObj>")
                .doesNotContain("ns1.eksempel.dk</domain:hostObj>");
    }
}
