package org.kontor.plugins.sandbox.tls;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * The sandbox's key and certificate kept as PEM files in a folder, so that clients that pinned the certificate
 * keep trusting the server across restarts. The files are made on first use and read back afterwards; a
 * certificate that has expired is replaced by a new one.
 */
public final class TlsFiles {

    /** The certificate clients pin. */
    public static final String CERTIFICATE_FILE = "sandbox-certificate.pem";
    /** The private key; readable by the owner only where the file system has POSIX permissions. */
    public static final String KEY_FILE = "sandbox-key.pem";

    /** Long, since clients pin this very certificate; it is only ever served on the loopback interface. */
    static final Duration VALIDITY = Duration.ofDays(3650);

    private final Path folder;

    public TlsFiles(Path folder) {
        this.folder = folder;
    }

    public Path certificateFile() {
        return folder.resolve(CERTIFICATE_FILE);
    }

    public Path keyFile() {
        return folder.resolve(KEY_FILE);
    }

    /** Reads the kept key and certificate, or makes and keeps new ones when there are none or they expired. */
    public SelfSignedTls loadOrCreate(Instant now) {
        if (Files.exists(certificateFile()) && Files.exists(keyFile())) {
            SelfSignedTls kept = SelfSignedTls.of(readKey(), readCertificate());
            if (kept.certificate().getNotAfter().toInstant().isAfter(now)) {
                return kept;
            }
        }
        SelfSignedTls made = SelfSignedTls.create(now, VALIDITY);
        write(made);
        return made;
    }

    /** The PEM text of a certificate. */
    public static String pem(X509Certificate certificate) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private void write(SelfSignedTls tls) {
        try {
            Files.createDirectories(folder);
            StringWriter key = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(key)) {
                // unencrypted PKCS#8 ("PRIVATE KEY"), which the JDK and most TLS clients read as it is
                writer.writeObject(new JcaPKCS8Generator(tls.key(), null));
            }
            writeOwnerOnly(keyFile(), key.toString());
            writeOwnerOnly(certificateFile(), pem(tls.certificate()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the sandbox's key and certificate in " + folder, e);
        }
    }

    /** Writes a temporary file created owner-only, then moves it into place, so no reader sees a partial file. */
    private void writeOwnerOnly(Path target, String text) throws IOException {
        Path temporary;
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            temporary = Files.createTempFile(folder, ".sandbox-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            temporary = Files.createTempFile(folder, ".sandbox-", ".tmp");
        }
        try {
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private PrivateKey readKey() {
        Object read = readPem(keyFile());
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (read instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (read instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sandbox's key " + keyFile(), e);
        }
        throw new IllegalStateException(keyFile() + " holds no private key");
    }

    private X509Certificate readCertificate() {
        if (readPem(certificateFile()) instanceof X509CertificateHolder holder) {
            try {
                return new JcaX509CertificateConverter().getCertificate(holder);
            } catch (CertificateException e) {
                throw new IllegalStateException("cannot read the sandbox's certificate " + certificateFile(), e);
            }
        }
        throw new IllegalStateException(certificateFile() + " holds no certificate");
    }

    private static Object readPem(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            return parser.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
