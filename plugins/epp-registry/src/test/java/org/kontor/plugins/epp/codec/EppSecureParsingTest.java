package org.kontor.plugins.epp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.plugins.epp.frame.EppFrames;
import org.kontor.plugins.epp.response.BalanceData;
import org.kontor.plugins.epp.response.EppResponse;

class EppSecureParsingTest {

    private final EppResponseDecoder decoder = new EppResponseDecoder(Currency.getInstance("DKK"));

    @Test
    void refusesAnExternalEntity(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE epp [<!ENTITY xxe SYSTEM "%s">]>
                <epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>
                  <result code="1000"><msg>&xxe;</msg></result>
                  <trID><svTRID>1</svTRID></trID></response></epp>""".formatted(secret.toUri());

        assertThatThrownBy(() -> decoder.decode(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EppCodecException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void refusesAnExternalDtd(@TempDir Path dir) throws Exception {
        Path dtd = Files.writeString(dir.resolve("evil.dtd"), "<!ENTITY x 'y'>");
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE epp SYSTEM "%s">
                <epp xmlns="urn:ietf:params:xml:ns:epp-1.0"/>""".formatted(dtd.toUri());

        assertThatThrownBy(() -> decoder.decode(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EppCodecException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesEntityExpansion() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE epp [
                  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
                  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
                ]>
                <epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>
                  <result code="1000"><msg>&c;</msg></result>
                  <trID><svTRID>1</svTRID></trID></response></epp>""";

        assertThatThrownBy(() -> decoder.decode(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EppCodecException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesMalformedXml() {
        assertThatThrownBy(() -> decoder.decode("<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><response>"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EppCodecException.class);
        assertThatThrownBy(() -> decoder.decode(new byte[0])).isInstanceOf(EppCodecException.class);
    }

    @Test
    void refusesAnotherRootElement() {
        assertThatThrownBy(() -> decoder.decode("<epp/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EppCodecException.class)
                .hasMessageContaining("not an EPP instance");
        assertThatThrownBy(() -> decoder.decode("<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><hello/></epp>"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EppCodecException.class)
                .hasMessageContaining("neither a greeting nor a response");
    }

    @Test
    void refusesAResponseWithoutResultOrTransactionId() {
        String noResult = "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><response><trID><svTRID>1</svTRID></trID>"
                + "</response></epp>";
        String noTrId = "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><response><result code=\"1000\"/>"
                + "</response></epp>";

        assertThatThrownBy(() -> decoder.decode(noResult.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EppCodecException.class);
        assertThatThrownBy(() -> decoder.decode(noTrId.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EppCodecException.class)
                .hasMessageContaining("trID");
    }

    @Test
    void aFramedResponseDecodesAfterTheRoundTrip() throws Exception {
        EppFrames frames = EppFrames.withDefaultLimit();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        frames.write(wire, Vectors.bytes("dkhm/balance_response.xml"));

        EppResponse response = decoder.decodeResponse(frames.read(new ByteArrayInputStream(wire.toByteArray())));

        assertThat(response.data(BalanceData.class).orElseThrow().balance().toMinorUnits()).isEqualTo(200_000);
    }
}
