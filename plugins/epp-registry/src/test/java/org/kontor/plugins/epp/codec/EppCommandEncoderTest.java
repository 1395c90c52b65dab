package org.kontor.plugins.epp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kontor.plugins.epp.command.BalanceInfo;
import org.kontor.plugins.epp.command.ClientTransactionId;
import org.kontor.plugins.epp.command.ContactCheck;
import org.kontor.plugins.epp.command.ContactCreate;
import org.kontor.plugins.epp.command.ContactInfo;
import org.kontor.plugins.epp.command.DomainCheck;
import org.kontor.plugins.epp.command.DomainContact;
import org.kontor.plugins.epp.command.DomainCreate;
import org.kontor.plugins.epp.command.DomainDelete;
import org.kontor.plugins.epp.command.DomainInfo;
import org.kontor.plugins.epp.command.DomainRenew;
import org.kontor.plugins.epp.command.DomainRestore;
import org.kontor.plugins.epp.command.DomainTransfer;
import org.kontor.plugins.epp.command.DomainUpdate;
import org.kontor.plugins.epp.command.EppCommand;
import org.kontor.plugins.epp.command.HostCheck;
import org.kontor.plugins.epp.command.HostCreate;
import org.kontor.plugins.epp.command.HostInfo;
import org.kontor.plugins.epp.command.IpAddress;
import org.kontor.plugins.epp.command.Login;
import org.kontor.plugins.epp.command.Logout;
import org.kontor.plugins.epp.command.NameServer;
import org.kontor.plugins.epp.command.NameServers;
import org.kontor.plugins.epp.command.Period;
import org.kontor.plugins.epp.command.PollAck;
import org.kontor.plugins.epp.command.PollRequest;
import org.kontor.plugins.epp.command.PostalInfo;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

class EppCommandEncoderTest {

    private static final Schema DKHM = EppSchemas.dkhm();
    private static final Schema RFC = EppSchemas.rfc();
    private static final ClientTransactionId CLTRID = ClientTransactionId.of("ABC-12345");

    private final EppCommandEncoder encoder = new EppCommandEncoder();

    static Stream<Arguments> commands() {
        PostalInfo postal = new PostalInfo("loc", "John Doe", "Example ApS", List.of("Some Street 1", "2. sal"),
                "København S", null, "2300", "DK");
        DomainUpdate.Changes addAll = new DomainUpdate.Changes(
                NameServers.hostObjects(List.of("ns2.example.com")),
                List.of(DomainContact.tech("TECH1-DK")), List.of("clientHold"));
        DomainUpdate.Changes removeAll = new DomainUpdate.Changes(
                NameServers.hostObjects(List.of("ns1.example.com")),
                List.of(DomainContact.tech("TECH0-DK")), List.of("clientTransferProhibited"));
        return Stream.of(
                Arguments.of("login", new Login("REG-1234", "secret-pw1", null, "en",
                        List.of(EppNamespaces.DOMAIN, EppNamespaces.CONTACT, EppNamespaces.HOST),
                        List.of(EppNamespaces.SEC_DNS, "urn:dkhm:params:xml:ns:dkhm-4.5"))),
                Arguments.of("login with new password", new Login("REG-1234", "secret-pw1", "secret-pw2", "en",
                        List.of(EppNamespaces.DOMAIN), List.of())),
                Arguments.of("logout", new Logout()),
                Arguments.of("domain check", DomainCheck.of("eksempel.dk", "example.dk", "punktum.dk")),
                Arguments.of("domain create with host objects", new DomainCreate("eksempel.dk", Period.years(1),
                        NameServers.hostObjects(List.of("ns1.example.com", "ns2.example.com")), "DKHM1-DK",
                        List.of(DomainContact.admin("ADM1-DK"), DomainContact.billing("BIL1-DK")), "")),
                Arguments.of("domain create with glue", new DomainCreate("eksempel.dk", Period.years(2),
                        NameServers.hostAttributes(List.of(
                                NameServer.of("ns1.eksempel.dk", IpAddress.of("192.0.2.1"), IpAddress.of("2001:db8::1")),
                                NameServer.of("ns.example.net"))),
                        "DKHM1-DK", List.of(), "2fooBAR")),
                Arguments.of("domain create, bare", new DomainCreate("eksempel.dk", null, null, null, List.of(), "")),
                Arguments.of("domain info", DomainInfo.of("eksempel.dk")),
                Arguments.of("domain info with auth info", new DomainInfo("eksempel.dk", "DKHM1-DK-098f6bcd")),
                Arguments.of("domain renew", new DomainRenew("eksempel.dk", LocalDate.of(2027, 3, 31), Period.years(1))),
                Arguments.of("domain renew, default period", new DomainRenew("eksempel.dk", LocalDate.of(2027, 3, 31), null)),
                Arguments.of("transfer request", new DomainTransfer(DomainTransfer.Operation.REQUEST, "eksempel.dk",
                        Period.years(1), "DKHM1-DK-098f6bcd")),
                Arguments.of("transfer query", new DomainTransfer(DomainTransfer.Operation.QUERY, "eksempel.dk", null, null)),
                Arguments.of("transfer approve", new DomainTransfer(DomainTransfer.Operation.APPROVE, "eksempel.dk", null, "pw")),
                Arguments.of("transfer reject", new DomainTransfer(DomainTransfer.Operation.REJECT, "eksempel.dk", null, "pw")),
                Arguments.of("transfer cancel", new DomainTransfer(DomainTransfer.Operation.CANCEL, "eksempel.dk", null, "pw")),
                Arguments.of("domain update, everything", new DomainUpdate("eksempel.dk", addAll, removeAll, "NEW1-DK", "newpass")),
                Arguments.of("domain update, glue", new DomainUpdate("eksempel.dk",
                        new DomainUpdate.Changes(NameServers.hostAttributes(List.of(
                                NameServer.of("ns3.eksempel.dk", IpAddress.of("192.0.2.3")))), List.of(), List.of()),
                        null, null, null)),
                Arguments.of("domain update, registrant only", new DomainUpdate("eksempel.dk", null, null, "NEW1-DK", null)),
                Arguments.of("domain delete", new DomainDelete("eksempel.dk")),
                Arguments.of("restore request", new DomainRestore("eksempel.dk")),
                Arguments.of("contact check", new ContactCheck(List.of("DKHM1-DK", "ABC1-DK"))),
                Arguments.of("contact create", new ContactCreate("auto", List.of(postal), "+45.12345678", null,
                        "epp-test@example.dk", "contact-pw")),
                Arguments.of("contact info", new ContactInfo("DKHM1-DK", null)),
                Arguments.of("contact info with auth info", new ContactInfo("DKHM1-DK", "contact-pw")),
                Arguments.of("host check", new HostCheck(List.of("ns1.eksempel.dk", "ns2.eksempel.dk"))),
                Arguments.of("host create", new HostCreate("ns1.eksempel.dk",
                        List.of(IpAddress.of("192.0.2.2"), IpAddress.of("2001:db8::2")))),
                Arguments.of("host create, external", new HostCreate("ns1.example.net", List.of())),
                Arguments.of("host info", new HostInfo("ns1.eksempel.dk")),
                Arguments.of("poll request", new PollRequest()),
                Arguments.of("poll ack", new PollAck("123456")),
                Arguments.of("balance", new BalanceInfo()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void everyCommandIsValidForTheDkSchemas(String name, EppCommand command) throws Exception {
        byte[] frame = encoder.encode(command, CLTRID);

        DKHM.newValidator().validate(new StreamSource(new ByteArrayInputStream(frame)));
        assertThat(new String(frame, StandardCharsets.UTF_8)).contains("<clTRID>ABC-12345</clTRID>");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void everyRfcCommandIsValidForTheIetfSchemas(String name, EppCommand command) throws Exception {
        if (command instanceof BalanceInfo) {
            return; // Verisign's mapping is not an IETF schema
        }
        byte[] frame = encoder.encode(command, CLTRID);

        RFC.newValidator().validate(new StreamSource(new ByteArrayInputStream(frame)));
    }

    @Test
    void periodsInMonthsAreRfcOnly() throws Exception {
        byte[] frame = encoder.encode(new DomainRenew("eksempel.dk", LocalDate.of(2027, 3, 31), Period.months(6)), CLTRID);

        RFC.newValidator().validate(new StreamSource(new ByteArrayInputStream(frame)));
        assertThatThrownBy(() -> DKHM.newValidator().validate(new StreamSource(new ByteArrayInputStream(frame))))
                .hasMessageContaining("'m'");
    }

    @Test
    void helloIsValid() throws Exception {
        byte[] frame = encoder.hello();

        DKHM.newValidator().validate(new StreamSource(new ByteArrayInputStream(frame)));
        RFC.newValidator().validate(new StreamSource(new ByteArrayInputStream(frame)));
        assertThat(new String(frame, StandardCharsets.UTF_8)).contains("<hello");
    }

    @Test
    void balanceRequestIsTheRegistrysExample() throws Exception {
        assertSameXml(encoder.encode(new BalanceInfo(), CLTRID), Vectors.bytes("dkhm/balance_request.xml"));
    }

    @Test
    void domainInfoIsTheRegistrysExample() throws Exception {
        assertSameXml(encoder.encode(DomainInfo.of("example.com"), CLTRID), Vectors.bytes("dkhm/info_domain.xml"));
    }

    @Test
    void nameServerUpdateIsTheRegistrysExample() throws Exception {
        DomainUpdate update = new DomainUpdate("example.com",
                new DomainUpdate.Changes(NameServers.hostObjects(List.of("ns2.example.com")), List.of(), List.of()),
                new DomainUpdate.Changes(NameServers.hostObjects(List.of("ns1.example.com")), List.of(), List.of()),
                null, null);

        assertSameXml(encoder.encode(update, CLTRID), Vectors.bytes("dkhm/update_domain_change_nameserver.xml"));
    }

    @Test
    void textIsEscaped() throws Exception {
        byte[] frame = encoder.encode(new DomainInfo("a<b>&c.dk", "p&<w"), CLTRID);

        assertThat(new String(frame, StandardCharsets.UTF_8)).contains("a&lt;b&gt;&amp;c.dk").doesNotContain("p&<w");
        assertThatCode(() -> parse(frame)).doesNotThrowAnyException();
    }

    @Test
    void clientTransactionIdsHaveThreeToSixtyFourCharacters() {
        assertThatThrownBy(() -> ClientTransactionId.of("ab")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientTransactionId.of("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientTransactionId.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ClientTransactionId.of("abc").value()).isEqualTo("abc");
        assertThat(ClientTransactionId.of("x".repeat(64)).value()).hasSize(64);
    }

    @Test
    void hostObjectsCarryNoAddresses() {
        assertThatThrownBy(() -> new NameServers(NameServers.Form.HOST_OBJECTS,
                List.of(NameServer.of("ns1.eksempel.dk", IpAddress.of("192.0.2.1")))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAuthCodeCheckIsAnInfoCarryingThePasswordWhichStaysOutOfToString() throws Exception {
        DomainInfo check = DomainInfo.withAuthInfo("eksempel.dk", "Kontor-Secret-1");

        byte[] frame = encoder.encode(check, CLTRID);

        RFC.newValidator().validate(new StreamSource(new ByteArrayInputStream(frame)));
        assertThat(new String(frame, StandardCharsets.UTF_8)).contains("<domain:info", "<domain:authInfo>",
                "<domain:pw>Kontor-Secret-1</domain:pw>");
        assertThat(check.toString()).contains("eksempel.dk").doesNotContain("Kontor-Secret-1");
        assertThat(DomainInfo.of("eksempel.dk").toString()).contains("authInfo=none");
    }

    @Test
    void passwordsStayOutOfToString() {
        Login login = new Login("REG-1234", "secret-pw1", "secret-pw2", "en", List.of(EppNamespaces.DOMAIN), List.of());

        assertThat(login.toString()).doesNotContain("secret-pw");
    }

    private static void assertSameXml(byte[] actual, byte[] expected) throws Exception {
        Document a = parse(actual);
        Document e = parse(expected);
        assertThat(a.getDocumentElement().isEqualNode(e.getDocumentElement()))
                .as("%s%nequals%n%s", new String(actual, StandardCharsets.UTF_8), new String(expected, StandardCharsets.UTF_8))
                .isTrue();
    }

    /** Parses and drops whitespace-only text so that indentation does not count. */
    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        stripWhitespace(document.getDocumentElement());
        document.normalizeDocument();
        return document;
    }

    private static void stripWhitespace(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.TEXT_NODE && child.getTextContent().isBlank()) {
                node.removeChild(child);
            } else {
                stripWhitespace(child);
            }
            child = next;
        }
    }
}
