package org.kontor.api.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DnsRecordTest {

    @ParameterizedTest
    @ValueSource(strings = {"A", "AAAA", "CNAME", "TXT", "CAA", "NS"})
    void typesWithoutPriority(String type) {
        assertThat(new DnsRecord("@", type, 3600, null, "data").type()).isEqualTo(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "PTR", "SOA", "SPF", "", "MX "})
    void otherTypesRefused(String type) {
        assertThatThrownBy(() -> new DnsRecord("@", type, 3600, 10, "data"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("type:")
                .hasMessageContaining(type);
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 3600, 604_800})
    void ttlWithinBounds(int ttl) {
        assertThat(new DnsRecord("www", "A", ttl, null, "192.0.2.1").ttl()).isEqualTo(ttl);
    }

    @ParameterizedTest
    @ValueSource(ints = {59, 0, -1, 604_801})
    void ttlOutOfBoundsRefused(int ttl) {
        assertThatThrownBy(() -> new DnsRecord("www", "A", ttl, null, "192.0.2.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ttl:")
                .hasMessageContaining(String.valueOf(ttl));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MX", "SRV"})
    void priorityRequiredForMxAndSrv(String type) {
        assertThatThrownBy(() -> new DnsRecord("@", type, 3600, null, "mail.example.dk."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("priority: is required for " + type);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 10, 65_535})
    void mxPriorityAccepted(int priority) {
        assertThat(new DnsRecord("@", "MX", 3600, priority, "mail.example.dk.").priority()).isEqualTo(priority);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65_536})
    void mxPriorityOutOfRangeRefused(int priority) {
        assertThatThrownBy(() -> new DnsRecord("@", "MX", 3600, priority, "mail.example.dk."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("priority:");
    }

    @Test
    void requiredComponents() {
        assertThatThrownBy(() -> new DnsRecord(null, "A", 3600, null, "192.0.2.1"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> new DnsRecord("@", null, 3600, null, "192.0.2.1"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> new DnsRecord("@", "A", 3600, null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("data");
    }

    @Test
    void editableTypes() {
        assertThat(DnsRecord.TYPES).containsExactlyInAnyOrder("A", "AAAA", "CNAME", "MX", "TXT", "SRV", "CAA", "NS");
    }
}
