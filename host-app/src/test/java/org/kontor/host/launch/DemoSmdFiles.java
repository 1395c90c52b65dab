package org.kontor.host.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Writes the demo's clearinghouse CA and signed mark data file once; the outputs are committed:
 * {@code docs/demo/tmch-demo-ca.pem} (with its copy on the host's class path, which the demo trusts) and
 * {@code docs/demo/kontor-sunrise.smd} (the mark "Kontor", labels {@code kontor} and {@code kontor-demo}, valid for
 * 20 years from the start of the year before the one it was made in). The keys are thrown away. To make them
 * again, from the repository's root, after a build of host-app with its tests ({@code mvn -o -pl host-app -am
 * package -Dtest=SmdValidatorTest -Dsurefire.failIfNoSpecifiedTests=false}):
 *
 * <pre>{@code
 * BC=~/.m2/repository/org/bouncycastle; V=1.78.1
 * java -cp host-app/target/test-classes:host-app/target/classes:$BC/bcprov-jdk18on/$V/bcprov-jdk18on-$V.jar:\
 * $BC/bcpkix-jdk18on/$V/bcpkix-jdk18on-$V.jar:$BC/bcutil-jdk18on/$V/bcutil-jdk18on-$V.jar \
 *     org.kontor.host.launch.DemoSmdFiles .
 * }</pre>
 */
public final class DemoSmdFiles {

    private DemoSmdFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Instant start = Instant.now().atZone(ZoneOffset.UTC).withDayOfYear(1).toLocalDate().minusYears(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = start.atZone(ZoneOffset.UTC).plusYears(20).toInstant();
        TestSmds.Issuer ca = TestSmds.authority("Kontor Demo TMCH CA", start, end.plus(365, ChronoUnit.DAYS));
        TestSmds.Issuer signer = TestSmds.signer(ca, "Kontor Demo TMCH Signer", start, end.plus(180, ChronoUnit.DAYS));
        String smd = TestSmds.smd("Kontor", start, end, "kontor", "kontor-demo")
                .withId("0000001861704067200001-65535").file(signer);
        String pem = "Kontor demo trademark clearinghouse CA: trust it only on a demo host (launch.tmch-ca).\n"
                + TestSmds.pem(ca.certificate());
        write(root.resolve("docs/demo/tmch-demo-ca.pem"), pem);
        write(root.resolve("host-app/src/main/resources/org/kontor/host/demo/tmch-demo-ca.pem"), pem);
        write(root.resolve("docs/demo/kontor-sunrise.smd"), smd);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        System.out.println("wrote " + file);
    }
}
