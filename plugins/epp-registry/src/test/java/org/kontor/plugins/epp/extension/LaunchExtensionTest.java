package org.kontor.plugins.epp.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.kontor.api.registry.LaunchData;
import org.kontor.plugins.epp.codec.EppCommandEncoder;
import org.kontor.plugins.epp.codec.EppNamespaces;
import org.kontor.plugins.epp.codec.EppSchemas;
import org.kontor.plugins.epp.command.ClientTransactionId;
import org.kontor.plugins.epp.command.DomainCreate;
import org.kontor.plugins.epp.command.Extended;
import org.kontor.plugins.epp.command.Period;
import org.w3c.dom.Document;

/**
 * The demo's signed mark data file (docs/demo/kontor-sunrise.smd) in a sunrise create: as uploaded, and as the host
 * keeps it after its checks (the bare base64 of the signed mark), the frame is valid for the IETF schemas and its
 * {@code smd:encodedSignedMark} is the file's signed mark.
 */
class LaunchExtensionTest {

    @Test
    void theDemoSmdGoesIntoASchemaValidSunriseCreate() throws Exception {
        String file = Files.readString(Path.of("..", "..", "docs", "demo", "kontor-sunrise.smd"));
        String base64 = file.substring(file.indexOf("-----BEGIN ENCODED SMD-----") + 27,
                file.indexOf("-----END ENCODED SMD-----")).replaceAll("\\s", "");

        for (String given : List.of(file, base64)) {
            byte[] frame = new EppCommandEncoder().encode(Extended.of(new DomainCreate("kontor.nu", Period.years(1),
                    null, "H1-REG", List.of(), "pw-1"), List.of(LaunchExtension.create(LaunchData.sunrise(given)))),
                    ClientTransactionId.of("SUNRISE-1"));

            EppSchemas.rfc().newValidator().validate(new StreamSource(new ByteArrayInputStream(frame)));
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(frame));
            assertThat(document.getElementsByTagNameNS(EppNamespaces.LAUNCH, "phase").item(0).getTextContent())
                    .isEqualTo("sunrise");
            String sent = document.getElementsByTagNameNS(EppNamespaces.SIGNED_MARK, "encodedSignedMark").item(0)
                    .getTextContent();
            assertThat(sent).isEqualTo(base64);
            assertThat(new String(Base64.getDecoder().decode(sent), StandardCharsets.UTF_8))
                    .contains("<smd:signedMark", "<mark:label>kontor</mark:label>", "<ds:SignatureValue>");
        }
    }
}
