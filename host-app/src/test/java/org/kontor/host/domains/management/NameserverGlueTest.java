package org.kontor.host.domains.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Nameserver;
import org.kontor.host.domains.management.DomainManagementException.Reason;

/** Glue for nameservers inside the domain (TEC-5), and the check that refuses nameservers that are silent. */
class NameserverGlueTest {

    private static final DomainName DOMAIN = DomainName.of("example.test");

    @Test
    void hostsInsideTheDomainTakeTheirAddressesAndOthersNone() {
        List<Nameserver> glued = DomainManagement.withGlue(DOMAIN, DomainManagement.nameservers(List.of(
                "ns1.example.test", "ns.example.net")), Map.of("NS1.example.test.", List.of("192.0.2.1", " 2001:db8::1")));
        assertThat(glued.get(0).addresses()).extracting(InetAddress::getHostAddress)
                .containsExactly("192.0.2.1", "2001:db8:0:0:0:0:0:1");
        assertThat(glued.get(1).addresses()).isEmpty();

        assertThat(reason(() -> DomainManagement.withGlue(DOMAIN, DomainManagement.nameservers(List.of(
                "ns1.example.test", "ns.example.net")), Map.of()))).isEqualTo(Reason.GLUE_REQUIRED);
        assertThat(reason(() -> DomainManagement.withGlue(DOMAIN, DomainManagement.nameservers(List.of(
                "ns1.example.test", "ns.example.net")), Map.of("ns1.example.test", List.of("192.0.2.1"),
                "ns.example.net", List.of("192.0.2.2"))))).isEqualTo(Reason.INVALID_NAMESERVERS);
        // a name where an address belongs is refused without being looked up
        assertThat(reason(() -> DomainManagement.withGlue(DOMAIN, DomainManagement.nameservers(List.of(
                "ns1.example.test", "ns.example.net")), Map.of("ns1.example.test", List.of("localhost")))))
                .isEqualTo(Reason.INVALID_NAMESERVERS);
    }

    @Test
    void theCheckNamesTheNameserversThatDoNotAnswer() throws Exception {
        try (DatagramSocket nobody = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            // a socket that never answers: the check waits out its short timeout
            NameserverCheck check = new NameserverCheck(true, nobody.getLocalPort(), Duration.ofMillis(300));
            List<String> silent = check.silent(DOMAIN, List.of(
                    Nameserver.withGlue("ns1.example.test", InetAddress.getByName("127.0.0.1")),
                    Nameserver.of("ns.does-not-resolve.invalid")));
            assertThat(silent).containsExactly("ns1.example.test", "ns.does-not-resolve.invalid");
        }
        assertThat(NameserverCheck.disabled().silent(DOMAIN, List.of(Nameserver.of("ns.does-not-resolve.invalid"))))
                .isEmpty();
    }

    private static Reason reason(Runnable call) {
        try {
            call.run();
        } catch (DomainManagementException e) {
            return e.reason();
        }
        throw new AssertionError("not refused");
    }
}
