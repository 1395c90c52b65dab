package org.kontor.plugins.powerdns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.kontor.api.dns.DnsRecord;

class RecordContentTest {

    private static final String ORIGIN = "example.dk.";

    @Test
    void namesAreMadeAbsoluteAsInAZoneFile() {
        assertThat(RecordContent.owner(ORIGIN, "@")).isEqualTo("example.dk.");
        assertThat(RecordContent.owner(ORIGIN, "WWW")).isEqualTo("www.example.dk.");
        assertThat(RecordContent.owner(ORIGIN, "_sip._tcp")).isEqualTo("_sip._tcp.example.dk.");
        assertThat(RecordContent.owner(ORIGIN, "*")).isEqualTo("*.example.dk.");
        assertThat(RecordContent.owner(ORIGIN, "www.example.dk.")).isEqualTo("www.example.dk.");
        assertThat(RecordContent.owner(ORIGIN, "blåbær")).isEqualTo("xn--blbr-roah.example.dk.");
        assertThat(RecordContent.absolute(ORIGIN, "mail.example.net.")).isEqualTo("mail.example.net.");
        assertThat(RecordContent.absolute(ORIGIN, ".")).isEqualTo(".");
    }

    @Test
    void anOwnerOutsideTheZoneOrABadLabelIsRefused() {
        assertThatThrownBy(() -> RecordContent.owner(ORIGIN, "www.example.net."))
                .isInstanceOf(RecordContent.InvalidRecordException.class).hasMessageContaining("not inside the zone");
        assertThatThrownBy(() -> RecordContent.owner(ORIGIN, "a..b"))
                .isInstanceOf(RecordContent.InvalidRecordException.class).hasMessageContaining("invalid label");
        assertThatThrownBy(() -> RecordContent.owner(ORIGIN, "-bad"))
                .isInstanceOf(RecordContent.InvalidRecordException.class);
        assertThatThrownBy(() -> RecordContent.owner(ORIGIN, "x".repeat(64)))
                .isInstanceOf(RecordContent.InvalidRecordException.class);
    }

    @Test
    void prioritiesGoInFrontOfMxAndSrvData() {
        assertThat(content("MX", 10, "mail")).isEqualTo("10 mail.example.dk.");
        assertThat(content("MX", 0, ".")).isEqualTo("0 .");
        assertThat(content("SRV", 10, "5 5060 sip.example.net.")).isEqualTo("10 5 5060 sip.example.net.");
        assertThat(content("SRV", 10, "99 5 5060 sip")).isEqualTo("10 5 5060 sip.example.dk.");
        assertThatThrownBy(() -> content("SRV", 10, "5 sip"))
                .isInstanceOf(RecordContent.InvalidRecordException.class).hasMessageContaining("weight port target");
        assertThatThrownBy(() -> content("SRV", 10, "5 70000 sip"))
                .isInstanceOf(RecordContent.InvalidRecordException.class);
    }

    @Test
    void addressesAreCheckedAndWrittenInCanonicalForm() {
        assertThat(content("A", null, " 192.0.2.1 ")).isEqualTo("192.0.2.1");
        assertThat(content("AAAA", null, "2001:DB8:0:0:0:0:0:1")).isEqualTo("2001:db8::1");
        assertThat(content("AAAA", null, "2001:db8:0:1:0:0:0:0")).isEqualTo("2001:db8:0:1::");
        assertThat(content("AAAA", null, "2001:db8:1:0:1:0:0:1")).isEqualTo("2001:db8:1:0:1::1");
        assertThat(content("AAAA", null, "::")).isEqualTo("::");
        assertThat(content("AAAA", null, "2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2:3:4:5:6");
        assertThatThrownBy(() -> content("A", null, "example.net"))
                .isInstanceOf(RecordContent.InvalidRecordException.class).hasMessageContaining("IPv4");
        assertThatThrownBy(() -> content("A", null, "2001:db8::1"))
                .isInstanceOf(RecordContent.InvalidRecordException.class);
        assertThatThrownBy(() -> content("AAAA", null, "192.0.2.1"))
                .isInstanceOf(RecordContent.InvalidRecordException.class);
        assertThat(RecordContent.comparable("AAAA", "2001:db8:0::1")).isEqualTo(RecordContent.comparable("AAAA", "2001:db8::1"));
    }

    @Test
    void compressionMatchesTheRfc5952Form() throws Exception {
        assertThat(RecordContent.compressed(InetAddress.getByName("fe80:0:0:1:0:0:0:1").getAddress()))
                .isEqualTo("fe80:0:0:1::1");
        assertThat(RecordContent.compressed(InetAddress.getByName("0:0:0:0:0:0:0:1").getAddress())).isEqualTo("::1");
        assertThat(RecordContent.compressed(InetAddress.getByName("2001:db8:0:1:1:1:1:1").getAddress()))
                .isEqualTo("2001:db8:0:1:1:1:1:1");
    }

    @Test
    void txtIsQuotedEscapedAndCutInto255ByteStrings() {
        assertThat(content("TXT", null, "v=spf1 -all")).isEqualTo("\"v=spf1 -all\"");
        assertThat(content("TXT", null, "\"v=spf1 -all\"")).isEqualTo("\"v=spf1 -all\"");
        assertThat(content("TXT", null, "\"one\" \"two\"")).isEqualTo("\"one\" \"two\"");
        assertThat(content("TXT", null, "say \"hi\" \\o/")).isEqualTo("\"say \\\"hi\\\" \\\\o/\"");
        assertThat(content("TXT", null, "\"say \\\"hi\\\"\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(content("TXT", null, "\"\\065\\066\"")).isEqualTo("\"AB\"");
        assertThat(content("TXT", null, "æ")).isEqualTo("\"\\195\\166\"");
        assertThat(content("TXT", null, "\"\"")).isEqualTo("\"\"");
        String text = "x".repeat(600);
        assertThat(content("TXT", null, text))
                .isEqualTo("\"" + "x".repeat(255) + "\" \"" + "x".repeat(255) + "\" \"" + "x".repeat(90) + "\"");
        assertThatThrownBy(() -> content("TXT", null, "\"open"))
                .isInstanceOf(RecordContent.InvalidRecordException.class).hasMessageContaining("not closed");
    }

    @Test
    void caaIsFlagsTagAndAQuotedValue() {
        assertThat(content("CAA", null, "0 issue \"letsencrypt.org\"")).isEqualTo("0 issue \"letsencrypt.org\"");
        assertThat(content("CAA", null, "128  ISSUEWILD  ;")).isEqualTo("128 issuewild \";\"");
        assertThat(content("CAA", null, "0 iodef mailto:security@example.dk"))
                .isEqualTo("0 iodef \"mailto:security@example.dk\"");
        assertThatThrownBy(() -> content("CAA", null, "issue letsencrypt.org"))
                .isInstanceOf(RecordContent.InvalidRecordException.class);
    }

    @Test
    void hostNamesOfCnameAndNsAreAbsolute() {
        assertThat(content("CNAME", null, "@")).isEqualTo("example.dk.");
        assertThat(content("CNAME", null, "Shops.Example.NET.")).isEqualTo("shops.example.net.");
        assertThat(content("NS", null, "ns1.sub")).isEqualTo("ns1.sub.example.dk.");
    }

    private static String content(String type, Integer priority, String data) {
        return RecordContent.content(ORIGIN, new DnsRecord("@", type, 300, priority, data));
    }
}
