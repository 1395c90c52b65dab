package org.kontor.plugins.epp.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.api.contact.Contact;
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
import org.kontor.api.registry.DomainPrice;
import org.kontor.api.registry.DomainRegistration;
import org.kontor.api.registry.DsRecord;
import org.kontor.api.registry.LaunchData;
import org.kontor.api.registry.RegisterDomain;
import org.kontor.api.registry.RegistryBalance;
import org.kontor.api.registry.RegistryCapability;
import org.kontor.api.registry.RenewDomain;
import org.kontor.api.registry.RestoreDomain;
import org.kontor.api.registry.UpdateDomain;
import org.kontor.plugins.epp.codec.EppNamespaces;
import org.kontor.plugins.epp.codec.EppSchemas;
import org.kontor.plugins.epp.command.DomainCheck;
import org.kontor.plugins.epp.command.DomainCreate;
import org.kontor.plugins.epp.command.DomainTransfer;
import org.kontor.plugins.epp.command.Extended;
import org.kontor.plugins.epp.command.Login;
import org.kontor.plugins.epp.command.PollAck;
import org.kontor.plugins.epp.response.BalanceData;
import org.kontor.plugins.epp.session.EppTimeouts;
import org.kontor.plugins.epp.session.ScriptedEppServer.Frame;

/** The generic profile's completions over real sessions, every frame validated against the RFC schema set. */
class EppGenericProfileTest {

    private static final Schema RFC = EppSchemas.rfc();
    private static final List<String> OBJECTS = List.of(EppNamespaces.DOMAIN, EppNamespaces.CONTACT, EppNamespaces.HOST);
    private static final List<String> ALL_EXTENSIONS = List.of(EppNamespaces.SEC_DNS, EppNamespaces.RGP,
            EppNamespaces.FEE, EppNamespaces.LAUNCH, EppNamespaces.ALLOCATION_TOKEN);
    private static final DomainName NAME = DomainName.of("example.com");
    private static final Contact HOLDER = Contact.individual("Jens Hansen",
            PostalAddress.of("Vestergade 1", "1456", "Copenhagen", "DK"), "jens@example.dk", "+45.12345678");
    private static final DsRecord DS = new DsRecord(12345, 13, 2,
            "49FD46E6C4B45C55D4AC69CBD3CD34AC1AFE51DE49FD46E6C4B45C55D4AC69CB");

    private ScriptedRegistry server;

    @AfterEach
    void close() throws Exception {
        if (server != null) {
            server.close();
        }
        if (server != null) {
            assertThat(server.invalidFrames()).isEmpty();
        }
    }

    private EppDomainRegistry registry(List<String> extensions, boolean feeAgreement,
            Function<Frame, String> responder) throws Exception {
        server = ScriptedRegistry.start(ScriptedRegistry.greeting(OBJECTS, extensions), RFC, ALL_EXTENSIONS, responder);
        return new EppDomainRegistry(new EppRegistryProfile("generic", Set.of(Tld.of("com")), "REG-1234", 5,
                feeAgreement), server.transport());
    }

    @Test
    void aContactIsCreatedUnderAnIdFromItsKeyAndARetryFindsItAsOurs() throws Exception {
        List<String> answers = new ArrayList<>(List.of("create", "exists", "info"));
        EppDomainRegistry registry = registry(ALL_EXTENSIONS, false, frame -> switch (answers.remove(0)) {
            case "create" -> ScriptedRegistry.response(frame, 1000, "Command completed successfully",
                    "<contact:creData xmlns:contact=\"urn:ietf:params:xml:ns:contact-1.0\"><contact:id>"
                            + frame.all("contact:id").get(0) + "</contact:id><contact:crDate>2026-05-13T08:01:35.0Z"
                            + "</contact:crDate></contact:creData>", null);
            case "exists" -> ScriptedRegistry.response(frame, 2302, "Object exists", null, null);
            default -> ScriptedRegistry.response(frame, 1000, "Command completed successfully",
                    "<contact:infData xmlns:contact=\"urn:ietf:params:xml:ns:contact-1.0\"><contact:id>"
                            + frame.all("contact:id").get(0) + "</contact:id><contact:roid>C1-REP</contact:roid>"
                            + "<contact:status s=\"ok\"/><contact:postalInfo type=\"int\"><contact:name>Jens Hansen"
                            + "</contact:name><contact:addr><contact:city>Copenhagen</contact:city><contact:cc>DK"
                            + "</contact:cc></contact:addr></contact:postalInfo><contact:email>jens@example.dk"
                            + "</contact:email><contact:clID>REG-1234</contact:clID><contact:crID>REG-1234</contact:crID>"
                            + "<contact:crDate>2026-05-13T08:01:35.0Z</contact:crDate></contact:infData>", null);
        });
        CreateContact command = CreateContact.of(IdempotencyKey.of("contact-42"), HOLDER);

        Outcome<ContactHandle> first = registry.createContact(command);
        Outcome<ContactHandle> retry = registry.createContact(command);

        String id = EppDomainRegistry.contactId(command.key());
        assertThat(id).hasSize(16).matches("[a-z2-7]{16}");
        assertThat(first.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(first.value().id()).isEqualTo(id);
        assertThat(retry.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(retry.value().id()).isEqualTo(id);
        Frame create = server.frames().get(0);
        assertThat(create.clTRID()).isEqualTo("contact-42");
        assertThat(create.xml()).contains("<contact:postalInfo type=\"int\">", "<contact:voice>+45.12345678<",
                "<contact:email>jens@example.dk<", "<contact:pw>");
        assertThat(server.frames()).extracting(Frame::command).containsExactly("create", "create", "info");
        assertThat(registry.capabilities()).contains(RegistryCapability.CONTACTS, RegistryCapability.HOSTS,
                RegistryCapability.DNSSEC, RegistryCapability.LAUNCH_PHASES);
    }

    @Test
    void aNonAsciiContactGoesAsLocalisedPostalInfo() {
        Contact contact = Contact.individual("Søren Ærø", PostalAddress.of("Åboulevard 2", "2200", "København N", "DK"),
                "s@example.dk", "+45.12345678");
        assertThat(EppDomainRegistry.postalInfo(contact).type()).isEqualTo("loc");
        assertThat(EppDomainRegistry.postalInfo(HOLDER).type()).isEqualTo("int");
    }

    @Test
    void glueHostsAreCreatedOnceTheDomainExistsAndThenAdded() throws Exception {
        EppDomainRegistry registry = registry(ALL_EXTENSIONS, false, frame -> {
            if (frame.command().equals("check") && frame.all("host:name").contains("ns.example.net")) {
                return ScriptedRegistry.response(frame, 1000, "ok", "<host:chkData xmlns:host=\"urn:ietf:params:xml:ns:host-1.0\">"
                        + "<host:cd><host:name avail=\"1\">ns.example.net</host:name></host:cd></host:chkData>", null);
            }
            if (frame.command().equals("check")) {
                return ScriptedRegistry.response(frame, 1000, "ok", "<host:chkData xmlns:host=\"urn:ietf:params:xml:ns:host-1.0\">"
                        + "<host:cd><host:name avail=\"1\">ns1.example.com</host:name></host:cd>"
                        + "<host:cd><host:name avail=\"0\">ns2.example.com</host:name></host:cd></host:chkData>", null);
            }
            return ScriptedRegistry.response(frame, 1000, "Command completed successfully", null, null);
        });
        RegisterDomain command = new RegisterDomain(IdempotencyKey.of("reg-glue"), NAME, Period.years(1),
                new ContactHandle("H1-REG"), Map.of(), List.of(
                        Nameserver.withGlue("ns1.example.com", InetAddress.getByName("192.0.2.1"),
                                InetAddress.getByName("2001:db8::1")),
                        Nameserver.withGlue("ns2.example.com", InetAddress.getByName("192.0.2.2")),
                        Nameserver.of("ns.example.net")), null, null);

        Outcome<DomainRegistration> outcome = registry.register(command);

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(outcome.message()).isNull();
        List<Frame> frames = server.frames();
        // the external host the registry lacks is created before the domain names it (RFC 5732), without addresses
        assertThat(frames).extracting(Frame::command).containsExactly("check", "create", "create", "check", "create",
                "update");
        assertThat(frames.get(0).all("host:name")).containsExactly("ns.example.net");
        assertThat(frames.get(1).xml()).contains("<host:name>ns.example.net</host:name>").doesNotContain("host:addr");
        assertThat(frames.get(2).all("domain:hostObj")).containsExactly("ns.example.net");
        assertThat(frames.get(3).all("host:name")).containsExactly("ns1.example.com", "ns2.example.com");
        assertThat(frames.get(4).xml()).contains("<host:name>ns1.example.com</host:name>",
                "<host:addr ip=\"v4\">192.0.2.1</host:addr>", "<host:addr ip=\"v6\">2001:db8:0:0:0:0:0:1</host:addr>");
        assertThat(frames.get(5).all("domain:hostObj")).containsExactly("ns1.example.com", "ns2.example.com");
        assertThat(frames.get(5).clTRID()).isEqualTo("reg-glue-ns");
    }

    @Test
    void withoutHostObjectsGlueGoesAsHostAttributes() throws Exception {
        server = ScriptedRegistry.start(ScriptedRegistry.greeting(List.of(EppNamespaces.DOMAIN, EppNamespaces.CONTACT),
                List.of()), RFC, ALL_EXTENSIONS, frame -> ScriptedRegistry.response(frame, 1000, "ok", null, null));
        EppDomainRegistry registry = new EppDomainRegistry(new EppRegistryProfile("generic", Set.of(Tld.of("com")),
                "REG-1234", 5), server.transport());

        registry.register(new RegisterDomain(IdempotencyKey.of("reg-attr"), NAME, Period.years(1),
                new ContactHandle("H1-REG"), Map.of(), List.of(Nameserver.withGlue("ns1.example.com",
                InetAddress.getByName("192.0.2.1"))), null, null));

        assertThat(server.frames()).extracting(Frame::command).containsExactly("create");
        assertThat(server.frames().get(0).xml()).contains("<domain:hostAttr>", "<domain:hostAddr ip=\"v4\">192.0.2.1<");
        assertThat(registry.capabilities()).doesNotContain(RegistryCapability.HOSTS, RegistryCapability.DNSSEC);
    }

    @Test
    void dsRecordsGoOnCreateAndAreAddedAndRemovedOnUpdate() throws Exception {
        EppDomainRegistry registry = registry(ALL_EXTENSIONS, false,
                frame -> ScriptedRegistry.response(frame, 1000, "Command completed successfully", null, null));

        registry.register(RegisterDomain.of(IdempotencyKey.of("reg-ds"), NAME, Period.years(1), new ContactHandle("H1-REG"),
                List.of()).withDsRecords(List.of(DS)));
        DsRecord old = new DsRecord(1, 8, 1, "2BB183AF5F22588179A53B0A98631FAD1A292118");
        registry.update(UpdateDomain.dsRecords(IdempotencyKey.of("upd-ds"), NAME, List.of(DS), List.of(old)));

        assertThat(server.frames().get(0).xml()).contains("<secDNS:create", "<secDNS:keyTag>12345</secDNS:keyTag>",
                "<secDNS:alg>13</secDNS:alg>", "<secDNS:digestType>2</secDNS:digestType>");
        String update = server.frames().get(1).xml();
        assertThat(update).contains("<secDNS:update");
        assertThat(update.indexOf("<secDNS:rem>")).isLessThan(update.indexOf("<secDNS:add>"));
        assertThat(update).contains("<secDNS:keyTag>1</secDNS:keyTag>");
    }

    @Test
    void dsRecordsWhereTheRegistryOffersNoDnssecAreUnsupportedAndNotSent() throws Exception {
        EppDomainRegistry registry = registry(List.of(EppNamespaces.RGP), false,
                frame -> ScriptedRegistry.response(frame, 1000, "ok", null, null));

        Outcome<DomainRegistration> outcome = registry.register(RegisterDomain.of(IdempotencyKey.of("reg-ds"), NAME,
                Period.years(1), new ContactHandle("H1-REG"), List.of()).withDsRecords(List.of(DS)));

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(outcome.code()).isEqualTo("unsupported");
        assertThat(server.frames()).isEmpty();
    }

    private static String feeAnswer(Frame frame) {
        return ScriptedRegistry.response(frame, 1000, "ok",
                "<domain:chkData xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\"><domain:cd><domain:name avail=\"1\">"
                        + "example.com</domain:name></domain:cd><domain:cd><domain:name avail=\"0\">taken.com</domain:name>"
                        + "</domain:cd></domain:chkData>",
                "<fee:chkData xmlns:fee=\"urn:ietf:params:xml:ns:epp:fee-1.0\"><fee:currency>USD</fee:currency>"
                        + "<fee:cd avail=\"1\"><fee:objID>example.com</fee:objID><fee:class>premium</fee:class>"
                        + "<fee:command name=\"create\"><fee:period unit=\"y\">1</fee:period>"
                        + "<fee:fee description=\"Registration Fee\" refundable=\"1\" grace-period=\"P5D\">100.00</fee:fee>"
                        + "<fee:fee description=\"Application Fee\" refundable=\"0\">5.50</fee:fee></fee:command></fee:cd>"
                        + "<fee:cd avail=\"0\"><fee:objID>taken.com</fee:objID><fee:reason>Not available</fee:reason>"
                        + "</fee:cd></fee:chkData>");
    }

    @Test
    void aQuoteAsksTheFeeOnCheckAndSumsTheFees() throws Exception {
        EppDomainRegistry registry = registry(ALL_EXTENSIONS, false, EppGenericProfileTest::feeAnswer);

        List<DomainPrice> prices = registry.quote(List.of(NAME, DomainName.of("taken.com")), "create", Period.years(1));

        assertThat(server.frames().get(0).xml()).contains("<fee:check", "<fee:command name=\"create\">",
                "<fee:period unit=\"y\">1</fee:period>");
        assertThat(prices).hasSize(2);
        assertThat(prices.get(0).price()).isEqualTo(Money.of("105.50", "USD"));
        assertThat(prices.get(0).premium()).isTrue();
        assertThat(prices.get(0).period()).isEqualTo(Period.years(1));
        assertThat(prices.get(1).quoted()).isFalse();
        assertThat(prices.get(1).reason()).isEqualTo("Not available");
    }

    @Test
    void noQuoteWhereTheGreetingOffersNoFees() throws Exception {
        EppDomainRegistry registry = registry(List.of(EppNamespaces.SEC_DNS), false, EppGenericProfileTest::feeAnswer);
        assertThat(registry.quote(List.of(NAME), "create", Period.years(1))).isEmpty();
        assertThat(server.frames()).isEmpty();
    }

    @Test
    void theFeeAgreementGoesWithTheCreateWhereTheProfileAsksForIt() throws Exception {
        EppDomainRegistry registry = registry(ALL_EXTENSIONS, true, frame -> frame.command().equals("check")
                ? feeAnswer(frame) : ScriptedRegistry.response(frame, 1000, "Command completed successfully", null, null));

        Outcome<DomainRegistration> outcome = registry.register(RegisterDomain.of(IdempotencyKey.of("reg-fee"), NAME,
                Period.years(1), new ContactHandle("H1-REG"), List.of()));

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(server.frames()).extracting(Frame::command).containsExactly("check", "create");
        assertThat(server.frames().get(1).xml()).contains("<fee:create", "<fee:currency>USD</fee:currency>",
                "<fee:fee>105.50</fee:fee>");
    }

    @Test
    void aRenewWithoutAQuotedFeeIsRefusedBeforeSending() throws Exception {
        EppDomainRegistry registry = registry(ALL_EXTENSIONS, true, EppGenericProfileTest::feeAnswer);

        Outcome<DomainRegistration> outcome = registry.renew(RenewDomain.of(IdempotencyKey.of("ren-fee"), NAME,
                java.time.LocalDate.of(2027, 3, 1), Period.years(1)));

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(outcome.code()).isEqualTo("fee-unknown");
        assertThat(server.frames()).extracting(Frame::command).containsExactly("check");
    }

    @Test
    void aSunriseCreateCarriesThePhaseTheEncodedSignedMarkAndTheAllocationToken() throws Exception {
        EppDomainRegistry registry = registry(ALL_EXTENSIONS, false,
                frame -> ScriptedRegistry.response(frame, 1001, "Command completed successfully; action pending", null, null));
        String smd = "Marks: Example One\nsmdID: 1-2\n-----BEGIN ENCODED SMD-----\nPD94bWwgdmVyc2lvbj0iMS4wIj8+\n"
                + "PHNtZDpzaWduZWRNYXJrLz4=\n-----END ENCODED SMD-----\n";

        Outcome<DomainRegistration> sunrise = registry.register(RegisterDomain.of(IdempotencyKey.of("reg-sunrise"), NAME,
                Period.years(1), new ContactHandle("H1-REG"), List.of()).withLaunch(LaunchData.sunrise(smd))
                .withAllocationToken("abc123"));
        registry.register(RegisterDomain.of(IdempotencyKey.of("reg-landrush"), DomainName.of("two.com"),
                Period.years(1), new ContactHandle("H1-REG"), List.of()).withLaunch(LaunchData.phase("landrush")));
        registry.register(RegisterDomain.of(IdempotencyKey.of("reg-custom"), DomainName.of("three.com"),
                Period.years(1), new ContactHandle("H1-REG"), List.of()).withLaunch(LaunchData.phase("founders")));

        assertThat(sunrise.status()).isEqualTo(OutcomeStatus.PENDING);
        assertThat(server.frames().get(0).xml()).contains("<launch:create", "type=\"application\"",
                "<launch:phase>sunrise</launch:phase>", "<smd:encodedSignedMark",
                "PD94bWwgdmVyc2lvbj0iMS4wIj8+PHNtZDpzaWduZWRNYXJrLz4=",
                "<allocationToken:allocationToken xmlns:allocationToken=\"urn:ietf:params:xml:ns:allocationToken-1.0\">abc123<");
        assertThat(server.frames().get(1).xml()).contains("<launch:phase>landrush</launch:phase>")
                .doesNotContain("encodedSignedMark");
        assertThat(server.frames().get(2).xml()).contains("<launch:phase name=\"founders\">custom</launch:phase>");
    }

    @Test
    void launchPhasesWhereTheGreetingOffersNoneAreUnsupported() throws Exception {
        EppDomainRegistry registry = registry(List.of(EppNamespaces.SEC_DNS), false,
                frame -> ScriptedRegistry.response(frame, 1000, "ok", null, null));

        Outcome<DomainRegistration> outcome = registry.register(RegisterDomain.of(IdempotencyKey.of("reg-l"), NAME,
                Period.years(1), new ContactHandle("H1-REG"), List.of()).withLaunch(LaunchData.phase("landrush")));

        assertThat(outcome.code()).isEqualTo("unsupported");
        assertThat(registry.capabilities()).doesNotContain(RegistryCapability.LAUNCH_PHASES);
        assertThat(server.frames()).isEmpty();
    }

    @Test
    void aPercentageThresholdIsThatShareOfTheCreditLimit() {
        Currency dkk = Currency.getInstance("DKK");
        RegistryBalance balance = EppDomainRegistry.registryBalance(new BalanceData(Money.of("10000.00", "DKK"),
                Money.of("-2500.50", "DKK"), Money.of("7499.50", "DKK"), null, 25));
        assertThat(balance.lowBalanceThreshold()).isEqualTo(Money.of("2500.00", "DKK"));
        assertThat(balance.balance()).isEqualTo(Money.of("-2500.50", "DKK"));
        assertThat(balance.creditLimit()).isEqualTo(Money.of("10000.00", "DKK"));
        assertThat(balance.availableCredit()).isEqualTo(Money.of("7499.50", "DKK"));
        assertThat(balance.isLow()).isFalse();
        RegistryBalance fixed = EppDomainRegistry.registryBalance(new BalanceData(Money.zero(dkk), Money.of("100.00", "DKK"),
                Money.of("100.00", "DKK"), Money.of("500.00", "DKK"), null));
        assertThat(fixed.lowBalanceThreshold()).isEqualTo(Money.of("500.00", "DKK"));
        assertThat(fixed.isLow()).isTrue();
    }

    @Test
    void commandsWaitAsLongAsTheirClassAllows() {
        EppTimeouts timeouts = EppTimeouts.defaults().with(EppTimeouts.CommandClass.QUERY, Duration.ofSeconds(7));
        assertThat(timeouts.forCommand(new DomainCheck(List.of("a.com")))).isEqualTo(Duration.ofSeconds(7));
        assertThat(timeouts.forCommand(Extended.of(new DomainCheck(List.of("a.com")), List.of(
                org.kontor.plugins.epp.extension.FeeExtension.check(null, "create", null)))))
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(timeouts.forCommand(new DomainCreate("a.com", null, null, "H1", List.of(), "pw")))
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(timeouts.forCommand(new DomainTransfer(DomainTransfer.Operation.REQUEST, "a.com", null, "x")))
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(timeouts.forCommand(new DomainTransfer(DomainTransfer.Operation.QUERY, "a.com", null, null)))
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(timeouts.forCommand(new PollAck("1"))).isEqualTo(Duration.ofSeconds(30));
        assertThat(timeouts.forCommand(new Login("c", "p", null, "en", List.of(EppNamespaces.DOMAIN), List.of())))
                .isEqualTo(Duration.ofSeconds(20));
        assertThat(EppTimeouts.CommandClass.of(new PollAck("1"))).isEqualTo(EppTimeouts.CommandClass.TRANSFORM);
    }

    @Test
    void aRestoreRequestAnsweredPendingRestoreIsFollowedByTheReportWithBothStatements() throws Exception {
        List<String> answers = new ArrayList<>(List.of("request", "info", "report", "info"));
        String infData = "<domain:infData xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\"><domain:name>example.com"
                + "</domain:name><domain:roid>D1-REP</domain:roid><domain:status s=\"pendingDelete\"/>"
                + "<domain:registrant>k1</domain:registrant><domain:clID>REG-1234</domain:clID>"
                + "<domain:crDate>2025-05-13T08:01:35.0Z</domain:crDate><domain:upDate>2026-05-10T08:00:00.0Z"
                + "</domain:upDate><domain:exDate>2027-05-13T08:01:35.0Z</domain:exDate></domain:infData>";
        EppDomainRegistry registry = registry(ALL_EXTENSIONS, false, frame -> switch (answers.remove(0)) {
            case "request" -> ScriptedRegistry.response(frame, 1000, "Command completed successfully", null,
                    "<rgp:upData xmlns:rgp=\"urn:ietf:params:xml:ns:rgp-1.0\"><rgp:rgpStatus s=\"pendingRestore\"/>"
                            + "</rgp:upData>");
            case "report" -> ScriptedRegistry.response(frame, 1000, "Command completed successfully", null, null);
            default -> ScriptedRegistry.response(frame, 1000, "Command completed successfully", infData, null);
        });

        Outcome<DomainRegistration> restored = registry.restore(new RestoreDomain(IdempotencyKey.of("restore-9"), NAME,
                "deleted by mistake"));

        assertThat(restored.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(server.frames()).extracting(Frame::command).containsExactly("update", "info", "update", "info");
        Frame report = server.frames().get(2);
        assertThat(report.clTRID()).isEqualTo("restore-9-report");
        assertThat(report.xml()).contains("<rgp:restore op=\"report\">", "<rgp:delTime>2026-05-10T08:00:00Z<",
                "<rgp:resReason>deleted by mistake<", "registrant=k1");
        assertThat(report.all("rgp:statement")).hasSize(2);
    }

    /** Generic EPP has no auto-renew element: a create carries none, an update of nothing else is not sent. */
    @Test
    void autoRenewHasNoElementInGenericEpp() throws Exception {
        List<String> answers = new ArrayList<>(List.of("create", "update", "info"));
        EppDomainRegistry registry = registry(ALL_EXTENSIONS, false, frame -> switch (answers.remove(0)) {
            case "create" -> ScriptedRegistry.response(frame, 1000, "Command completed successfully",
                    "<domain:creData xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\"><domain:name>example.com"
                            + "</domain:name><domain:crDate>2026-05-13T08:01:35.0Z</domain:crDate><domain:exDate>"
                            + "2027-05-13T08:01:35.0Z</domain:exDate></domain:creData>", null);
            case "update" -> ScriptedRegistry.response(frame, 1000, "Command completed successfully", null, null);
            default -> ScriptedRegistry.response(frame, 1000, "Command completed successfully",
                    "<domain:infData xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\"><domain:name>example.com"
                            + "</domain:name><domain:roid>D1-REP</domain:roid><domain:status s=\"ok\"/>"
                            + "<domain:clID>REG-1234</domain:clID></domain:infData>", null);
        });

        Outcome<DomainRegistration> created = registry.register(RegisterDomain.of(IdempotencyKey.of("ar-1"), NAME,
                Period.years(1), new ContactHandle("HOLDER1"), List.of()).withAutoRenew(false));
        Outcome<DomainInfo> only = registry.update(UpdateDomain.autoRenew(IdempotencyKey.of("ar-2"), NAME, true));
        Outcome<DomainInfo> withMore = registry.update(new UpdateDomain(IdempotencyKey.of("ar-3"), NAME, null, null,
                null, null, Set.of("clientHold"), null, null, null, null, null, null, true));

        assertThat(created.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(server.frames().get(0).xml()).doesNotContainIgnoringCase("renew");
        assertThat(only.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(only.code()).isEqualTo("unsupported");
        assertThat(withMore.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(server.frames()).extracting(Frame::command).containsExactly("create", "update", "info");
        assertThat(server.frames().get(1).xml()).contains("<domain:status s=\"clientHold\"/>")
                .doesNotContainIgnoringCase("renew");
        assertThat(withMore.value().autoRenew()).isNull();
    }

    @Test
    void anUpdateWhoseChangesAreAllInExtensionsCarriesAnEmptyChg() throws Exception {
        EppDomainRegistry registry = registry(ALL_EXTENSIONS, false,
                frame -> ScriptedRegistry.response(frame, 2303, "Object does not exist", null, null));

        registry.update(UpdateDomain.dsRecords(IdempotencyKey.of("ds-1"), NAME, List.of(DS), List.of()));

        assertThat(server.frames().get(0).xml()).contains("<domain:name>example.com</domain:name><domain:chg/>",
                "<secDNS:update");
    }
}
