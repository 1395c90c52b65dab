package org.kontor.host.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kontor.host.launch.SmdValidator;
import org.kontor.host.launch.TmchTrust;
import org.kontor.host.launch.ValidatedSmd;

class DemoTmchTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void theDemoSmdIsSignedUnderTheDemoCaCoversItsLabelsAndStaysValidForYears() throws Exception {
        String smd = Files.readString(ROOT.resolve(DemoTmch.SMD_FILE));
        SmdValidator validator = new SmdValidator(new TmchTrust(DemoTmch.caCertificates(), Optional.empty(),
                Optional.empty()));
        Instant now = Instant.now();

        for (String label : DemoTmch.LABELS) {
            ValidatedSmd validated = validator.validate(smd, label, now);
            assertThat(validated.markName()).isEqualTo("Kontor");
            assertThat(validated.notAfter()).isAfter(now.plus(3650, ChronoUnit.DAYS));
        }
        assertThat(validator.validate(smd, "kontor", now.plus(3650, ChronoUnit.DAYS)).smdId())
                .as("the signing certificate and CA last as long").isNotEmpty();
    }

    @Test
    void theCaTheDemoTrustsIsTheOneInTheDocs() throws Exception {
        assertThat(DemoTmch.caCertificates())
                .isEqualTo(TmchTrust.certificates(Files.readString(ROOT.resolve("docs/demo/tmch-demo-ca.pem"))))
                .hasSize(1);
    }
}
