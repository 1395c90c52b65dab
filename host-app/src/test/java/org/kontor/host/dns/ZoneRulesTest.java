package org.kontor.host.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kontor.api.dns.DnsRecord;
import org.kontor.api.domain.DomainName;

/** The checks every record passes before it is stored, and the zone file form it is stored in. */
class ZoneRulesTest {

    private static final DomainName ZONE = DomainName.of("blåbær.dk");
    private final ZoneRules rules = new ZoneRules();

    @Test
    void everyTypeIsGivenInZoneFileFormWithAbsoluteHostNames() {
        assertThat(check("@", "A", "", "192.0.2.10")).isEqualTo(new DnsRecord("@", "A", 3600, null, "192.0.2.10"));
        assertThat(check("www", "AAAA", "300", "2001:db8::10").ttl()).isEqualTo(300);
        assertThat(check("shop", "CNAME", "", "Shop.Example.net").data()).isEqualTo("shop.example.net.");
        assertThat(check("www", "CNAME", "", "@").data()).isEqualTo(ZONE.ascii() + ".");
        assertThat(rules.check(ZONE, new RecordInput("@", "MX", "", "10", "mail.example.net."), List.of()))
                .isEqualTo(new DnsRecord("@", "MX", 3600, 10, "mail.example.net."));
        assertThat(rules.check(ZONE, new RecordInput("_sip._tcp", "SRV", "", "5", "10 5060 sip.example.net"), List.of())
                .data()).isEqualTo("10 5060 sip.example.net.");
        assertThat(check("@", "CAA", "", "0 issue \"letsencrypt.org\"").data()).isEqualTo("0 issue \"letsencrypt.org\"");
        assertThat(check("sub", "NS", "", "ns1.example.net").data()).isEqualTo("ns1.example.net.");
        assertThat(check("*.shop", "A", "", "192.0.2.11").name()).isEqualTo("*.shop");
        assertThat(check("kø", "A", "", "192.0.2.12").name()).as("an IDN label in ACE form").isEqualTo("xn--k-5ga");
        assertThat(check("www." + ZONE.unicode(), "A", "", "192.0.2.13").name()).as("the full name").isEqualTo("www");
        assertThat(check(ZONE.ascii() + ".", "A", "", "192.0.2.14").name()).isEqualTo("@");
    }

    @Test
    void textIsQuotedInStringsOfAtMost255BytesWithQuotesEscaped() {
        String text = "v=spf1 " + "include:_spf.example.net ".repeat(20) + "say \"hi\" \\ ~all";
        String data = check("@", "TXT", "", text).data();
        List<String> strings = new java.util.ArrayList<>();
        java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(data);
        while (quoted.find()) {
            strings.add(quoted.group(1));
        }
        assertThat(strings).hasSizeGreaterThan(1).allSatisfy(s -> assertThat(s.replace("\\\"", "\"")
                .replace("\\\\", "\\").getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255));
        assertThat(String.join("", strings).replace("\\\"", "\"").replace("\\\\", "\\")).isEqualTo(text);
        assertThat(check("@", "TXT", "", "\"already quoted\"").data()).isEqualTo("\"already quoted\"");
    }

    @Test
    void invalidDataIsRefusedNamingTheField() {
        assertThat(refused("@", "A", "", "", "192.0.2.300")).containsExactly("data:dns-data-a");
        assertThat(refused("@", "A", "", "", "2001:db8::1")).containsExactly("data:dns-data-a");
        assertThat(refused("@", "AAAA", "", "", "192.0.2.1")).containsExactly("data:dns-data-aaaa");
        assertThat(refused("@", "MX", "", "", "mail.example.net")).containsExactly("priority:dns-priority");
        assertThat(refused("@", "MX", "", "70000", "mail.example.net")).containsExactly("priority:dns-priority");
        assertThat(refused("@", "CNAME", "", "", "-bad-.example")).containsExactly("data:dns-host");
        assertThat(refused("_sip._tcp", "SRV", "", "1", "5060 sip.example.net")).containsExactly("data:dns-srv");
        assertThat(refused("_sip._tcp", "SRV", "", "1", "x 5060 sip.example.net")).containsExactly("data:dns-data-srv");
        assertThat(refused("@", "CAA", "", "", "issue letsencrypt.org")).containsExactly("data:dns-data-caa");
        assertThat(refused("a b", "A", "", "", "192.0.2.1")).containsExactly("name:dns-name");
        assertThat(refused("www", "A", "30", "", "192.0.2.1")).containsExactly("ttl:dns-ttl");
        assertThat(refused("www", "PTR", "", "", "x")).containsExactly("type:dns-type");
        assertThat(refused("www", "A", "", "", "")).containsExactly("data:required");
    }

    @Test
    void theZoneKeepsItsRules() {
        List<DnsRecord> zone = List.of(new DnsRecord("www", "A", 3600, null, "192.0.2.10"),
                new DnsRecord("shop", "CNAME", 3600, null, "shops.example.net."));
        assertThat(refused(zone, "www", "CNAME", "shop.example.net")).containsExactly("name:dns-cname-alone");
        assertThat(refused(zone, "shop", "A", "192.0.2.1")).containsExactly("name:dns-cname-taken");
        assertThat(refused(zone, "@", "CNAME", "example.net")).containsExactly("type:dns-cname-apex");
        assertThat(refused(zone, "@", "NS", "ns1.example.net")).containsExactly("type:dns-apex-ns");
        assertThat(refused(zone, "www", "A", "192.0.2.10")).containsExactly("data:dns-duplicate");
        assertThat(rules.check(ZONE, new RecordInput("www", "A", "", "", "192.0.2.11"), zone).data())
                .as("a second address at the same name").isEqualTo("192.0.2.11");
    }

    private DnsRecord check(String name, String type, String ttl, String data) {
        return rules.check(ZONE, new RecordInput(name, type, ttl, "", data), List.of());
    }

    private List<String> refused(String name, String type, String ttl, String priority, String data) {
        return refused(List.of(), new RecordInput(name, type, ttl, priority, data));
    }

    private List<String> refused(List<DnsRecord> zone, String name, String type, String data) {
        return refused(zone, new RecordInput(name, type, "", "", data));
    }

    private List<String> refused(List<DnsRecord> zone, RecordInput input) {
        assertThatThrownBy(() -> rules.check(ZONE, input, zone)).isInstanceOf(RecordRefusedException.class);
        try {
            rules.check(ZONE, input, zone);
            return List.of();
        } catch (RecordRefusedException e) {
            return e.errors().stream().map(error -> error.field() + ":" + error.code()).toList();
        }
    }
}
