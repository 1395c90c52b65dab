package org.kontor.api.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameserverTest {

    @Test
    void glueNeededOnlyInsideTheDomain() {
        DomainName domain = DomainName.of("example.dk");

        assertThat(Nameserver.of("ns1.example.dk").needsGlueFor(domain)).isTrue();
        assertThat(Nameserver.of("ns1.example.com").needsGlueFor(domain)).isFalse();
        assertThat(Nameserver.of("ns1.myexample.dk").needsGlueFor(domain)).isFalse();
    }

    @Test
    void addressesAreCopied() throws Exception {
        List<InetAddress> addresses = new ArrayList<>(List.of(InetAddress.getByName("192.0.2.1")));
        Nameserver ns = new Nameserver(DomainName.of("ns1.example.dk"), addresses);
        addresses.clear();

        assertThat(ns.addresses()).containsExactly(InetAddress.getByName("192.0.2.1"));
        assertThatThrownBy(() -> ns.addresses().add(InetAddress.getByName("192.0.2.2")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(new Nameserver(DomainName.of("ns.example.dk"), null).addresses()).isEmpty();
        assertThat(Nameserver.withGlue("NS1.Example.DK", InetAddress.getByName("2001:db8::1")).host().ascii())
                .isEqualTo("ns1.example.dk");
    }

    @Test
    void hostRequired() {
        assertThatThrownBy(() -> new Nameserver(null, List.of())).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("host");
        assertThatThrownBy(() -> Nameserver.of("ns1..dk")).isInstanceOf(InvalidDomainNameException.class);
    }
}
