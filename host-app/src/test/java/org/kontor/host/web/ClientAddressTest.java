package org.kontor.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Client addresses as risk checks see them: IP literals only, normalised, and never a name to look up. */
class ClientAddressTest {

    @Test
    void ipv4AndIpv6LiteralsAreTakenNormalised() {
        assertThat(ClientAddress.literal("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.literal(" 2001:DB8::1 ")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(ClientAddress.literal("[2001:db8::2]")).isEqualTo("2001:db8:0:0:0:0:0:2");
        assertThat(ClientAddress.literal("::ffff:203.0.113.9")).isEqualTo("203.0.113.9");
    }

    @Test
    void namesAndGarbageAreNoAddress() {
        for (String text : new String[] {null, "", "localhost", "shop.example", "cafe.be", "203.0.113", "1.2.3.4.5",
                "999.1.1.1", "203.0.113.9; DROP", "g::1", "x".repeat(60)}) {
            assertThat(ClientAddress.literal(text)).as(String.valueOf(text)).isNull();
        }
    }
}
