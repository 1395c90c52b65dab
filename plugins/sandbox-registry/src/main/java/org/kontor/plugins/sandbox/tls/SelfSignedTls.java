package org.kontor.plugins.sandbox.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A server TLS context with a key pair and a self-signed certificate made when it is created, valid for the
 * loopback names. The JDK's own providers do the cryptography; BouncyCastle only builds the certificate, so
 * no security provider is registered globally.
 */
public final class SelfSignedTls {

    private static final char[] KEY_PASSWORD = new char[0];

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final SSLContext context;

    private SelfSignedTls(PrivateKey key, X509Certificate certificate, SSLContext context) {
        this.key = key;
        this.certificate = certificate;
        this.context = context;
    }

    /** A new P-256 key and a certificate for {@code localhost} and 127.0.0.1, valid for the given time. */
    public static SelfSignedTls create(Instant now, Duration validity) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=localhost, O=Kontor sandbox registry");
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(validity)), subject, keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return of(keys.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot make the sandbox's self-signed certificate", e);
        }
    }

    /** A server TLS context over a key and certificate made earlier, e.g. read back from files. */
    public static SelfSignedTls of(PrivateKey key, X509Certificate certificate) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("sandbox", key, KEY_PASSWORD, new X509Certificate[] {certificate});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, KEY_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, new SecureRandom());
            return new SelfSignedTls(key, certificate, context);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the sandbox's TLS context", e);
        }
    }

    /** The certificate clients must trust. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The private key, for {@link TlsFiles} to keep; never log it. */
    PrivateKey key() {
        return key;
    }

    public SSLContext context() {
        return context;
    }
}
