package org.kontor.host.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import org.kontor.host.launch.TmchTrust;

/**
 * The demo's trademark clearinghouse: its CA certificate (a copy of {@code docs/demo/tmch-demo-ca.pem}), which signed
 * the demo's signed mark data file {@code docs/demo/kontor-sunrise.smd} (mark "Kontor", labels {@code kontor} and
 * {@code kontor-demo}). Both were made once by the test class {@code org.kontor.host.launch.DemoSmdFiles}, which
 * says how to make them again; the CA's private key was not kept.
 */
public final class DemoTmch {

    /** The demo SMD file, relative to the repository's root. */
    public static final String SMD_FILE = "docs/demo/kontor-sunrise.smd";
    /** The labels the demo SMD covers. */
    public static final List<String> LABELS = List.of("kontor", "kontor-demo");

    private DemoTmch() {
    }

    public static List<X509Certificate> caCertificates() {
        try (InputStream in = DemoTmch.class.getResourceAsStream("tmch-demo-ca.pem")) {
            if (in == null) {
                throw new IllegalStateException("the demo clearinghouse CA tmch-demo-ca.pem is missing from the class path");
            }
            return TmchTrust.certificates(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
