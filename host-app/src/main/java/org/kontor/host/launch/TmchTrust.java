package org.kontor.host.launch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * What signed marks are checked against: the trademark clearinghouse CA certificates a signing certificate must
 * chain to ({@code launch.tmch-ca}, read at start; the demo adds its own CA while the host runs), and optionally the
 * clearinghouse's CRL ({@code launch.tmch-crl}) and SMD revocation list ({@code launch.smd-revocation-list}), which
 * are read at each check since the operator replaces them as the clearinghouse publishes new ones.
 */
public final class TmchTrust {

    private final List<X509Certificate> authorities = new CopyOnWriteArrayList<>();
    private final Optional<Path> crlFile;
    private final Optional<Path> revocationListFile;

    public TmchTrust(Collection<X509Certificate> authorities, Optional<Path> crlFile, Optional<Path> revocationListFile) {
        this.authorities.addAll(authorities);
        this.crlFile = crlFile;
        this.revocationListFile = revocationListFile;
    }

    /**
     * @param caFile the PEM file of the clearinghouse CA certificates; empty when none is configured
     * @throws IllegalStateException when the file cannot be read or holds no certificate
     */
    public static TmchTrust load(Optional<Path> caFile, Optional<Path> crlFile, Optional<Path> revocationListFile) {
        List<X509Certificate> authorities = caFile.map(file -> {
            try {
                List<X509Certificate> read = certificates(Files.readString(file, StandardCharsets.US_ASCII));
                if (read.isEmpty()) {
                    throw new IllegalStateException("launch.tmch-ca: " + file + " holds no certificate");
                }
                return read;
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("launch.tmch-ca: cannot read the certificates in " + file + ": "
                        + e.getMessage(), e);
            }
        }).orElse(List.of());
        return new TmchTrust(authorities, crlFile, revocationListFile);
    }

    /** Trusts these CA certificates too (the demo's clearinghouse). */
    public void trust(Collection<X509Certificate> more) {
        for (X509Certificate certificate : more) {
            if (!authorities.contains(certificate)) {
                authorities.add(certificate);
            }
        }
    }

    /** Whether any CA is trusted; without one every file is refused. */
    public boolean configured() {
        return !authorities.isEmpty();
    }

    Set<TrustAnchor> anchors() {
        return authorities.stream().map(ca -> new TrustAnchor(ca, null)).collect(Collectors.toUnmodifiableSet());
    }

    boolean isAuthority(X509Certificate certificate) {
        return authorities.contains(certificate);
    }

    /** The clearinghouse's CRL as the operator last saved it; empty when none is configured. */
    Optional<X509CRL> crl() {
        return crlFile.map(file -> {
            try {
                byte[] bytes = Files.readAllBytes(file);
                return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException("launch.tmch-crl: cannot read " + file, e);
            } catch (CertificateException | CRLException e) {
                throw new IllegalStateException("launch.tmch-crl: " + file + " is not a CRL: " + e.getMessage(), e);
            }
        });
    }

    /** The SMD revocation list as the operator last saved it; empty when none is configured. */
    Optional<SmdRevocationList> revocationList() {
        return revocationListFile.map(file -> {
            try {
                return SmdRevocationList.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("launch.smd-revocation-list: cannot read " + file, e);
            }
        });
    }

    /** The certificates in a PEM text (any text outside the BEGIN/END CERTIFICATE blocks is ignored). */
    public static List<X509Certificate> certificates(String pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream().map(X509Certificate.class::cast).toList();
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not PEM certificates: " + e.getMessage(), e);
        }
    }
}
