package org.kontor.plugins.epp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kontor.api.money.Money;
import org.kontor.plugins.epp.command.DomainContact;
import org.kontor.plugins.epp.command.IpAddress;
import org.kontor.plugins.epp.command.NameServer;
import org.kontor.plugins.epp.command.PostalInfo;
import org.kontor.plugins.epp.response.Availability;
import org.kontor.plugins.epp.response.BalanceData;
import org.kontor.plugins.epp.response.ContactCheckData;
import org.kontor.plugins.epp.response.ContactCreateData;
import org.kontor.plugins.epp.response.ContactInfoData;
import org.kontor.plugins.epp.response.DomainCheckData;
import org.kontor.plugins.epp.response.DomainCreateData;
import org.kontor.plugins.epp.response.DomainInfoData;
import org.kontor.plugins.epp.response.DomainPendingActionData;
import org.kontor.plugins.epp.response.DomainRenewData;
import org.kontor.plugins.epp.response.DomainTransferData;
import org.kontor.plugins.epp.response.EppResponse;
import org.kontor.plugins.epp.response.Greeting;
import org.kontor.plugins.epp.response.HostCheckData;
import org.kontor.plugins.epp.response.HostCreateData;
import org.kontor.plugins.epp.response.HostInfoData;
import org.kontor.plugins.epp.response.MessageQueue;
import org.kontor.plugins.epp.response.Result;
import org.kontor.plugins.epp.response.RgpData;
import org.kontor.plugins.epp.response.SecDnsData;
import org.kontor.plugins.epp.response.TransactionId;
import org.kontor.plugins.epp.response.UnknownElement;

class EppResponseDecoderTest {

    private static final String DKHM_45 = "urn:dkhm:params:xml:ns:dkhm-4.5";

    private final EppResponseDecoder decoder = new EppResponseDecoder(Currency.getInstance("DKK"));

    static Stream<String> everyResponseExample() {
        return Stream.of("dkhm/balance_response.xml", "dkhm/info_domain_response.xml",
                "dkhm/info_domain_response_with_authid_extension.xml", "dkhm/info_contact_verification_response.xml",
                "dkhm/info_contact_verification_expired_response.xml", "dkhm/authinfo/info_domain_response.xml",
                "dkhm/authinfo/info_domain_response_with_authinfo_extension.xml", "dkhm/rfc3915/rgp-response.xml",
                "dkhm/rfc5910/dnssec-1.1.xml",
                "dkhm-spec/line-1895.xml", "dkhm-spec/line-1938.xml", "dkhm-spec/line-2003.xml",
                "dkhm-spec/line-2057.xml", "dkhm-spec/line-2079.xml", "dkhm-spec/line-2137.xml",
                "dkhm-spec/line-2304.xml", "dkhm-spec/line-2349.xml", "dkhm-spec/line-2390.xml",
                "dkhm-spec/line-2431.xml", "dkhm-spec/line-2467.xml", "dkhm-spec/line-2540.xml",
                "dkhm-spec/line-2574.xml", "dkhm-spec/line-2666.xml", "dkhm-spec/line-2758.xml",
                "dkhm-spec/line-2793.xml", "dkhm-spec/line-2920.xml", "dkhm-spec/line-3045.xml",
                "dkhm-spec/line-3114.xml", "dkhm-spec/line-3133.xml", "dkhm-spec/line-3637.xml",
                "dkhm-spec/line-3745.xml", "dkhm-spec/line-3766.xml", "dkhm-spec/line-4195.xml",
                "dkhm-spec/line-4246.xml", "dkhm-spec/line-4320.xml", "dkhm-spec/line-4466.xml",
                "dkhm-spec/line-4578.xml", "dkhm-spec/line-4638.xml", "dkhm-spec/line-4685.xml",
                "dkhm-spec/line-4748.xml", "dkhm-spec/line-4923.xml", "dkhm-spec/line-4983.xml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyResponseExample")
    void everyResponseExampleOfTheRegistryDecodes(String file) {
        EppResponse response = decoder.decodeResponse(Vectors.bytes(file));

        assertThat(response.code()).isBetween(1000, 2502);
        assertThat(response.transactionId().serverTransactionId()).isNotBlank();
    }

    @Test
    void greeting() {
        Greeting greeting = decoder.decodeGreeting(Vectors.bytes("dkhm-spec/line-1762.xml"));

        assertThat(greeting.serverId()).isEqualTo("DK Hostmaster EPP Service (production): 5.3.1");
        assertThat(greeting.serverDate()).isEqualTo(Instant.parse("2026-05-11T08:50:11Z"));
        assertThat(greeting.versions()).containsExactly("1.0");
        assertThat(greeting.languages()).containsExactly("en");
        assertThat(greeting.objectUris()).containsExactly(EppNamespaces.HOST, EppNamespaces.DOMAIN,
                EppNamespaces.CONTACT, EppNamespaces.BALANCE);
        assertThat(greeting.extensionUris()).containsExactly(EppNamespaces.SEC_DNS,
                "urn:dkhm:params:xml:ns:dkhm-4.4", DKHM_45, "urn:dkhm:params:xml:ns:dkhm-domain-4.4");
    }

    @Test
    void balance() {
        EppResponse response = decoder.decodeResponse(Vectors.bytes("dkhm/balance_response.xml"));

        assertThat(response.results()).containsExactly(new Result(1000, "Command completed successfully", List.of()));
        assertThat(response.transactionId()).isEqualTo(new TransactionId("ABC-12345", "54322-XYZ"));
        assertThat(response.data(BalanceData.class)).contains(new BalanceData(Money.of("0.00", "DKK"),
                Money.of("2000.00", "DKK"), Money.of("2000.00", "DKK"), Money.of("0.00", "DKK"), null));
    }

    @Test
    void balanceFromTheSpecification() {
        BalanceData balance = decoder.decodeResponse(Vectors.bytes("dkhm-spec/line-2137.xml"))
                .data(BalanceData.class).orElseThrow();

        assertThat(balance.balance()).isEqualTo(Money.of("235.34", "DKK"));
        assertThat(balance.availableCredit()).isEqualTo(Money.of("0.00", "DKK"));
        assertThat(balance.creditLimit().toMinorUnits()).isZero();
    }

    @Test
    void balanceThresholdAsPercentage() {
        String xml = response("""
                <resData><balance:infData xmlns:balance="http://www.verisign.com/epp/balance-1.0">
                  <balance:creditLimit>1000.00</balance:creditLimit><balance:balance>-12.5</balance:balance>
                  <balance:availableCredit>987.50</balance:availableCredit>
                  <balance:creditThreshold><balance:percent>80</balance:percent></balance:creditThreshold>
                </balance:infData></resData>""");

        BalanceData balance = decoder.decodeResponse(bytes(xml)).data(BalanceData.class).orElseThrow();

        assertThat(balance.balance()).isEqualTo(Money.of("-12.50", "DKK"));
        assertThat(balance.creditThresholdPercent()).isEqualTo(80);
        assertThat(balance.creditThresholdFixed()).isNull();
    }

    @Test
    void domainInfo() {
        EppResponse response = decoder.decodeResponse(Vectors.bytes("dkhm/info_domain_response.xml"));

        DomainInfoData info = response.data(DomainInfoData.class).orElseThrow();
        assertThat(info.name()).isEqualTo("example.com");
        assertThat(info.roid()).isEqualTo("EXAMPLE1-REP");
        assertThat(info.statuses()).containsExactly("ok");
        assertThat(info.registrant()).isEqualTo("jd1234");
        assertThat(info.contacts()).containsExactly(DomainContact.admin("sh8013"), DomainContact.tech("sh8013"));
        assertThat(info.contactIds("admin")).containsExactly("sh8013");
        assertThat(info.nameServerNames()).containsExactly("ns1.example.com", "ns1.example.net");
        assertThat(info.subordinateHosts()).containsExactly("ns1.example.com", "ns2.example.com");
        assertThat(info.clientId()).isEqualTo("ClientX");
        assertThat(info.creatorId()).isEqualTo("ClientY");
        assertThat(info.createdAt()).isEqualTo(Instant.parse("1999-04-03T22:00:00Z"));
        assertThat(info.updaterId()).isEqualTo("ClientX");
        assertThat(info.updatedAt()).isEqualTo(Instant.parse("1999-12-03T09:00:00Z"));
        assertThat(info.expiryDate()).isEqualTo(Instant.parse("2005-04-03T22:00:00Z"));
        assertThat(info.transferredAt()).isEqualTo(Instant.parse("2000-04-08T09:00:00Z"));
        assertThat(info.authInfo()).isEqualTo("USER1-DK-098f6bcd4621d373cade4e832627b4f6");
        assertThat(response.extensions()).isEmpty();
        assertThat(response.messageQueue()).isNull();
    }

    @Test
    void domainInfoWithTheAuthIdExpiryExtension() {
        EppResponse response = decoder.decodeResponse(Vectors.bytes("dkhm/info_domain_response_with_authid_extension.xml"));

        assertThat(response.data(DomainInfoData.class).orElseThrow().authInfo())
                .isEqualTo("DKHM1-DK-098f6bcd4621d373cade4e832627b4f6");
        UnknownElement extension = response.extension(UnknownElement.class).orElseThrow();
        assertThat(extension.namespace()).isEqualTo(DKHM_45);
        assertThat(extension.localName()).isEqualTo("authInfoExDate");
        assertThat(extension.xml()).contains("2018-11-14T09:00:00.0Z");
    }

    @Test
    void domainInfoWithAnEmptyPasswordAndAuthInfoExtensions() {
        EppResponse plain = decoder.decodeResponse(Vectors.bytes("dkhm/authinfo/info_domain_response.xml"));
        EppResponse extended = decoder.decodeResponse(
                Vectors.bytes("dkhm/authinfo/info_domain_response_with_authinfo_extension.xml"));

        assertThat(plain.data(DomainInfoData.class).orElseThrow().authInfo()).isEmpty();
        assertThat(extended.data(DomainInfoData.class).orElseThrow().authInfo()).isEmpty();
        assertThat(extended.extensions()).hasSize(2).allSatisfy(e -> {
            UnknownElement element = (UnknownElement) e;
            assertThat(element.namespace()).isEqualTo(DKHM_45);
            assertThat(element.localName()).isEqualTo("authInfo");
        });
        assertThat(((UnknownElement) extended.extensions().get(1)).xml())
                .contains("op=\"redel\"", "DKHM2-DK-098f6bcd4621d373cade4e832627b4f6");
    }

    @Test
    void domainInfoWithSecDnsAndRegistryExtensions() {
        EppResponse response = decoder.decodeResponse(Vectors.bytes("dkhm-spec/line-2666.xml"));

        DomainInfoData info = response.data(DomainInfoData.class).orElseThrow();
        assertThat(info.name()).isEqualTo("dk-hostmaster.dk");
        assertThat(info.roid()).isEqualTo("DK_HOSTMASTER_DK-DK");
        assertThat(info.registrant()).isEqualTo("DKHM1-DK");
        assertThat(info.contacts()).isEmpty();
        assertThat(info.nameServerNames()).containsExactly("auth01.ns.dk-hostmaster.dk",
                "auth02.ns.dk-hostmaster.dk", "auth03.ns.dk-hostmaster.dk");
        assertThat(info.expiryDate()).isEqualTo(Instant.parse("2027-03-31T21:59:59Z"));
        assertThat(info.authInfo()).isNull();
        assertThat(response.extension(SecDnsData.class)).contains(new SecDnsData(List.of(new SecDnsData.DsData(57040, 8, 2,
                "02676dc904d9a55b4a60ce2545f863220da34356e4cea979e9c81408e126f2ca"))));
        assertThat(response.extensions()).filteredOn(UnknownElement.class::isInstance)
                .extracting(e -> ((UnknownElement) e).localName())
                .containsExactly("registrant_validated", "autoRenew", "vid");
    }

    @Test
    void domainInfoWithDsData() {
        EppResponse response = decoder.decodeResponse(Vectors.bytes("dkhm/rfc5910/dnssec-1.1.xml"));

        DomainInfoData info = response.data(DomainInfoData.class).orElseThrow();
        assertThat(info.name()).isEqualTo("example.com");
        assertThat(info.nameServerNames()).containsExactly("ns1.example.com", "ns2.example.com");
        assertThat(info.authInfo()).isEqualTo("2fooBAR");
        assertThat(response.extensions()).containsExactly(
                new SecDnsData(List.of(new SecDnsData.DsData(12345, 3, 1, "49FD46E6C4B45C55D4AC"))));
    }

    @Test
    void secDnsKeyDataStaysRaw() {
        String xml = response("""
                <extension><secDNS:infData xmlns:secDNS="urn:ietf:params:xml:ns:secDNS-1.1"><secDNS:keyData>
                  <secDNS:flags>257</secDNS:flags><secDNS:protocol>3</secDNS:protocol><secDNS:alg>1</secDNS:alg>
                  <secDNS:pubKey>AQPJ////4Q==</secDNS:pubKey></secDNS:keyData></secDNS:infData></extension>""");

        assertThat(decoder.decodeResponse(bytes(xml)).extension(UnknownElement.class).orElseThrow().localName())
                .isEqualTo("infData");
    }

    @Test
    void contactInfoWithVerificationExtensions() {
        for (String file : List.of("dkhm/info_contact_verification_response.xml",
                "dkhm/info_contact_verification_expired_response.xml")) {
            EppResponse response = decoder.decodeResponse(Vectors.bytes(file));

            ContactInfoData contact = response.data(ContactInfoData.class).orElseThrow();
            assertThat(contact.id()).isEqualTo("USER123-DK");
            assertThat(contact.roid()).isEqualTo("USER123-DK");
            assertThat(contact.statuses()).containsExactly("linked", "serverDeleteProhibited", "serverTransferProhibited");
            assertThat(contact.postalInfos()).containsExactly(new PostalInfo("loc", "John Doe", null,
                    List.of("Some Street"), "København S", null, "2300", "DK"));
            assertThat(contact.voice()).isEqualTo("+45.12345678");
            assertThat(contact.fax()).isNull();
            assertThat(contact.email()).isEqualTo("epp-test@example.dk");
            assertThat(contact.clientId()).isEqualTo("XXX-XXXXXX");
            assertThat(contact.creatorId()).isEqualTo("USER321-DK");
            assertThat(contact.createdAt()).isEqualTo(Instant.parse("2024-05-10T12:54:07Z"));
            assertThat(response.extensions()).extracting(e -> ((UnknownElement) e).localName())
                    .containsExactly("contact_validated", "userType", "contact_verification");
            assertThat(response.transactionId()).isEqualTo(new TransactionId("fa6953397b8831107247851463bdb85d",
                    "5973F6D0-4049-11EF-9D22-CFC065FB0E81"));
        }
    }

    @Test
    void contactInfoFromTheSpecification() {
        ContactInfoData contact = decoder.decodeResponse(Vectors.bytes("dkhm-spec/line-4320.xml"))
                .data(ContactInfoData.class).orElseThrow();

        assertThat(contact.id()).isEqualTo("DKHM1-DK");
        assertThat(contact.postalInfos().get(0).name()).isEqualTo("Punktum dk A/S");
        assertThat(contact.postalInfos().get(0).streets()).containsExactly("Ørestads Boulevard 108, 11.");
        assertThat(contact.voice()).isNull();
        assertThat(contact.updatedAt()).isEqualTo(Instant.parse("2024-12-10T07:25:30Z"));
    }

    @Test
    void restore() {
        EppResponse response = decoder.decodeResponse(Vectors.bytes("dkhm/rfc3915/rgp-response.xml"));

        assertThat(response.code()).isEqualTo(1000);
        assertThat(response.result().message()).isEqualTo("Command completed successfully");
        assertThat(response.data()).isEmpty();
        assertThat(response.extension(RgpData.class)).contains(new RgpData(List.of("pendingRestore")));
        assertThat(response.transactionId()).isEqualTo(new TransactionId("ABC-12345", "54321-XYZ"));
    }

    @Test
    void restoreRefused() {
        EppResponse response = decoder.decodeResponse(Vectors.bytes("dkhm-spec/line-3745.xml"));

        assertThat(response.code()).isEqualTo(2201);
        assertThat(response.isSuccess()).isFalse();
        assertThat(response.result().message()).isEqualTo("No privilege. You are not authorized to restore domain");
    }

    @Test
    void pendingCreate() {
        EppResponse response = decoder.decodeResponse(Vectors.bytes("dkhm-spec/line-2304.xml"));

        assertThat(response.code()).isEqualTo(1001);
        assertThat(response.isSuccess()).isTrue();
        assertThat(response.result().message()).isEqualTo("Create domain pending for test123.dk");
        assertThat(response.extensions()).extracting(e -> ((UnknownElement) e).localName())
                .containsExactly("trackingNo", "registrant_validated");
        assertThat(response.transactionId().clientTransactionId()).isEqualTo("095f6d91095189c88977166b61d196b9");
    }

    @Test
    void pollMessage() {
        EppResponse response = decoder.decodeResponse(Vectors.bytes("dkhm-spec/line-2003.xml"));

        assertThat(response.code()).isEqualTo(1301);
        assertThat(response.messageQueue()).isEqualTo(new MessageQueue(1, "123456",
                Instant.parse("2025-04-29T10:33:07Z"), "eksempel.dk has been registered and activated"));
        assertThat(response.data(DomainPendingActionData.class)).contains(new DomainPendingActionData("eksempel.dk",
                true, new TransactionId("69f3c970119c0ffb2d379b114c05598a", "B84B3D10-24E3-11F0-8F76-AB60B7075109"),
                Instant.parse("2025-04-29T10:33:07Z")));
        assertThat(response.extension(UnknownElement.class).orElseThrow().localName()).isEqualTo("risk_assessment");
    }

    @Test
    void pollMessageOfARejectedCreate() {
        EppResponse response = decoder.decodeResponse(Vectors.bytes("dkhm-spec/line-2431.xml"));

        assertThat(response.messageQueue().message())
                .isEqualTo("The application for punktum.dk has been rejected, as the domain was already taken");
        DomainPendingActionData outcome = response.data(DomainPendingActionData.class).orElseThrow();
        assertThat(outcome.name()).isEqualTo("punktum.dk");
        assertThat(outcome.approved()).isFalse();
        assertThat(outcome.action().clientTransactionId()).isEqualTo("6a60db6abb6a7b3abfbeef9c696f18e3");
    }

    @Test
    void aResultCodeThatIsNoNumberIsRefused() {
        String xml = """
                <epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="ok"/>
                <trID><svTRID>1</svTRID></trID></response></epp>""";

        assertThatThrownBy(() -> decoder.decode(bytes(xml))).isInstanceOf(EppCodecException.class)
                .hasMessageContaining("result code is not a number: ok");
    }

    @Test
    void ackOfAnUnknownMessage() {
        EppResponse response = decoder.decodeResponse(Vectors.bytes("dkhm-spec/line-2079.xml"));

        assertThat(response.code()).isEqualTo(2303);
        assertThat(response.messageQueue()).isEqualTo(new MessageQueue(1, "123456", null, null));
    }

    @Test
    void loginAndLogout() {
        assertThat(decoder.decodeResponse(Vectors.bytes("dkhm-spec/line-1895.xml")).result())
                .isEqualTo(new Result(1000, "User EPP-123 logged in.", List.of()));
        assertThat(decoder.decodeResponse(Vectors.bytes("dkhm-spec/line-1938.xml")).code()).isEqualTo(1500);
    }

    @Test
    void checks() {
        assertThat(decoder.decodeResponse(Vectors.bytes("dkhm-spec/line-2540.xml")).data(DomainCheckData.class))
                .contains(new DomainCheckData(List.of(new Availability("punktum.dk", false, "In Use"))));
        assertThat(decoder.decodeResponse(Vectors.bytes("dkhm-spec/line-4246.xml")).data(ContactCheckData.class))
                .contains(new ContactCheckData(List.of(new Availability("DKHM1-DK", false, "In use"))));
        assertThat(decoder.decodeResponse(Vectors.bytes("dkhm-spec/line-4685.xml")).data(HostCheckData.class))
                .contains(new HostCheckData(List.of(new Availability("ns1.dk-hostmaster.dk", false, "In use"))));
    }

    @Test
    void severalNamesInOneCheck() {
        String xml = response("""
                <resData><domain:chkData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">
                  <domain:cd><domain:name avail="1">eksempel.dk</domain:name></domain:cd>
                  <domain:cd><domain:name avail="false">punktum.dk</domain:name><domain:reason>In Use</domain:reason></domain:cd>
                  <domain:cd><domain:name avail="true">nyt.dk</domain:name></domain:cd>
                </domain:chkData></resData>""");

        assertThat(decoder.decodeResponse(bytes(xml)).data(DomainCheckData.class).orElseThrow().names())
                .containsExactly(new Availability("eksempel.dk", true, null),
                        new Availability("punktum.dk", false, "In Use"), new Availability("nyt.dk", true, null));
    }

    @Test
    void createdContactAndHost() {
        assertThat(decoder.decodeResponse(Vectors.bytes("dkhm-spec/line-4195.xml")).data(ContactCreateData.class))
                .contains(new ContactCreateData("DHA1263-DK", Instant.parse("2026-05-13T08:01:35Z")));
        assertThat(decoder.decodeResponse(Vectors.bytes("dkhm-spec/line-4578.xml")).data(HostCreateData.class))
                .contains(new HostCreateData("ns1.eksempel.dk", Instant.parse("2025-08-30T09:27:32Z")));
    }

    @Test
    void hostInfo() {
        HostInfoData host = decoder.decodeResponse(Vectors.bytes("dkhm-spec/line-4748.xml"))
                .data(HostInfoData.class).orElseThrow();

        assertThat(host).isEqualTo(new HostInfoData("ns1.dk-hostmaster.dk", "NS1_DK_HOSTMASTER_DK-DK", List.of("ok"),
                List.of(), "DKHM1-DK", "DKHM1-DK", Instant.parse("2004-11-03T08:10:46Z"), "DKHM1-DK",
                Instant.parse("2006-08-10T09:34:58Z")));
    }

    @Test
    void hostInfoWithAddresses() {
        String xml = response("""
                <resData><host:infData xmlns:host="urn:ietf:params:xml:ns:host-1.0">
                  <host:name>ns1.eksempel.dk</host:name><host:roid>NS1_EKSEMPEL_DK-DK</host:roid>
                  <host:status s="linked"/><host:status s="ok"/>
                  <host:addr ip="v4">192.0.2.2</host:addr><host:addr ip="v6">2001:db8::2</host:addr>
                  <host:clID>REG-1234</host:clID><host:crDate>2025-08-30T09:27:32+02:00</host:crDate>
                </host:infData></resData>""");

        HostInfoData host = decoder.decodeResponse(bytes(xml)).data(HostInfoData.class).orElseThrow();

        assertThat(host.statuses()).containsExactly("linked", "ok");
        assertThat(host.addresses()).containsExactly(IpAddress.of("192.0.2.2"), IpAddress.of("2001:db8::2"));
        assertThat(host.createdAt()).isEqualTo(Instant.parse("2025-08-30T07:27:32Z"));
    }

    @Test
    void createRenewAndTransferData() {
        String create = response("""
                <resData><domain:creData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">
                  <domain:name>eksempel.dk</domain:name><domain:crDate>2026-05-11T08:50:11.0Z</domain:crDate>
                  <domain:exDate>2027-05-31T21:59:59.0Z</domain:exDate>
                </domain:creData></resData>""");
        String renew = response("""
                <resData><domain:renData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">
                  <domain:name>eksempel.dk</domain:name><domain:exDate>2028-05-31T21:59:59.0Z</domain:exDate>
                </domain:renData></resData>""");
        String transfer = response("""
                <resData><domain:trnData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">
                  <domain:name>eksempel.dk</domain:name><domain:trStatus>pending</domain:trStatus>
                  <domain:reID>REG-1234</domain:reID><domain:reDate>2026-05-11T08:50:11.0Z</domain:reDate>
                  <domain:acID>REG-9876</domain:acID><domain:acDate>2026-05-16T08:50:11.0Z</domain:acDate>
                  <domain:exDate>2027-05-31T21:59:59.0Z</domain:exDate>
                </domain:trnData></resData>""");

        assertThat(decoder.decodeResponse(bytes(create)).data(DomainCreateData.class)).contains(new DomainCreateData(
                "eksempel.dk", Instant.parse("2026-05-11T08:50:11Z"), Instant.parse("2027-05-31T21:59:59Z")));
        assertThat(decoder.decodeResponse(bytes(renew)).data(DomainRenewData.class))
                .contains(new DomainRenewData("eksempel.dk", Instant.parse("2028-05-31T21:59:59Z")));
        assertThat(decoder.decodeResponse(bytes(transfer)).data(DomainTransferData.class)).contains(
                new DomainTransferData("eksempel.dk", "pending", "REG-1234", Instant.parse("2026-05-11T08:50:11Z"),
                        "REG-9876", Instant.parse("2026-05-16T08:50:11Z"), Instant.parse("2027-05-31T21:59:59Z")));
    }

    @Test
    void domainInfoWithHostAttributes() {
        String xml = response("""
                <resData><domain:infData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">
                  <domain:name>eksempel.dk</domain:name><domain:roid>EKSEMPEL_DK-DK</domain:roid>
                  <domain:status s="serverHold">unpaid</domain:status><domain:status s="pendingCreate"/>
                  <domain:ns><domain:hostAttr><domain:hostName>ns1.eksempel.dk</domain:hostName>
                    <domain:hostAddr ip="v4">192.0.2.1</domain:hostAddr><domain:hostAddr ip="v6">2001:db8::1</domain:hostAddr>
                  </domain:hostAttr><domain:hostAttr><domain:hostName>ns.example.net</domain:hostName></domain:hostAttr></domain:ns>
                  <domain:clID>REG-1234</domain:clID>
                </domain:infData></resData>""");

        DomainInfoData info = decoder.decodeResponse(bytes(xml)).data(DomainInfoData.class).orElseThrow();

        assertThat(info.statuses()).containsExactly("serverHold", "pendingCreate");
        assertThat(info.nameServers()).containsExactly(
                NameServer.of("ns1.eksempel.dk", IpAddress.of("192.0.2.1"), IpAddress.of("2001:db8::1")),
                NameServer.of("ns.example.net"));
        assertThat(info.createdAt()).isNull();
    }

    @Test
    void severalResultsWithReasons() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>
                  <result code="2004"><msg lang="en">Parameter value range error</msg>
                    <value><period xmlns="urn:ietf:params:xml:ns:domain-1.0">11</period></value>
                    <extValue><value><x/></value><reason>Period above 10 years</reason></extValue></result>
                  <result code="2005"><msg>Parameter value syntax error</msg></result>
                  <trID><svTRID>54321-XYZ</svTRID></trID>
                </response></epp>""";

        EppResponse response = decoder.decodeResponse(bytes(xml));

        assertThat(response.results()).containsExactly(
                new Result(2004, "Parameter value range error", List.of("Period above 10 years")),
                new Result(2005, "Parameter value syntax error", List.of()));
        assertThat(response.transactionId()).isEqualTo(new TransactionId(null, "54321-XYZ"));
    }

    @Test
    void unknownResponseDataAndExtensionsAreKeptRaw() {
        String xml = response("""
                <resData><fee:chkData xmlns:fee="urn:ietf:params:xml:ns:epp:fee-1.0"><fee:currency>EUR</fee:currency></fee:chkData>
                  <domain:somethingNew xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"/></resData>
                <extension><x:unknown xmlns:x="urn:example:x-9.9" a="1"><x:deep><x:deeper>text</x:deeper></x:deep></x:unknown>
                  <noNamespace xmlns=""/></extension>""");

        EppResponse response = decoder.decodeResponse(bytes(xml));

        assertThat(response.data()).extracting(d -> ((UnknownElement) d).localName()).containsExactly("chkData", "somethingNew");
        assertThat(response.extensions()).hasSize(2);
        UnknownElement unknown = (UnknownElement) response.extensions().get(0);
        assertThat(unknown.namespace()).isEqualTo("urn:example:x-9.9");
        assertThat(unknown.xml()).contains("<x:deeper>text</x:deeper>");
        assertThat(((UnknownElement) response.extensions().get(1)).namespace()).isNull();
    }

    @Test
    void prefixesDoNotMatterOnlyNamespaces() {
        String xml = """
                <e:epp xmlns:e="urn:ietf:params:xml:ns:epp-1.0"><e:response>
                  <e:result code="1000"><e:msg>ok</e:msg></e:result>
                  <e:resData><chkData xmlns="urn:ietf:params:xml:ns:host-1.0"><cd><name avail="1">ns9.eksempel.dk</name></cd></chkData></e:resData>
                  <e:trID><e:clTRID>ABC-1</e:clTRID><e:svTRID>S-1</e:svTRID></e:trID>
                </e:response></e:epp>""";

        assertThat(decoder.decodeResponse(bytes(xml)).data(HostCheckData.class).orElseThrow().names())
                .containsExactly(new Availability("ns9.eksempel.dk", true, null));
    }

    @Test
    void aGreetingIsNotAResponse() {
        byte[] greeting = Vectors.bytes("dkhm-spec/line-1762.xml");

        assertThat(decoder.decode(greeting)).isInstanceOf(Greeting.class);
        assertThatCode(() -> decoder.decodeResponse(greeting)).isInstanceOf(EppCodecException.class)
                .hasMessageContaining("expected a response");
    }

    private static String response(String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>
                  <result code="1000"><msg>Command completed successfully</msg></result>
                  %s
                  <trID><clTRID>ABC-12345</clTRID><svTRID>54321-XYZ</svTRID></trID>
                </response></epp>""".formatted(body);
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
