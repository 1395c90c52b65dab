package org.kontor.plugins.paypal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Signs webhooks as PayPal does: SHA256withRSA over {@code <transmission id>|<time>|<webhook id>|<CRC32 of the body>},
 * with a key pair of its own and a self-signed certificate named like PayPal's, valid from {@code notBefore} to
 * {@code notAfter}.
 */
public final class WebhookSigner {

    private final KeyPair keys;
    private final X509Certificate certificate;

    private WebhookSigner(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    public static WebhookSigner create(Instant notBefore, Instant notAfter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=messageverificationcerts.sandbox.paypal.com, O=Kontor test, C=DK");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(System.nanoTime()), Date.from(notBefore), Date.from(notAfter), name,
                    keys.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            return new WebhookSigner(keys, certificate);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate as PayPal serves it at a {@code paypal-cert-url}. */
    public String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The headers PayPal sends with {@code body}, signed for {@code webhookId}. */
    public Map<String, List<String>> headers(byte[] body, String webhookId, String transmissionId, String time,
                                             String certUrl) {
        CRC32 crc = new CRC32();
        crc.update(body);
        String signed = transmissionId + "|" + time + "|" + webhookId + "|" + crc.getValue();
        String signature;
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update(signed.getBytes(StandardCharsets.UTF_8));
            signature = Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/json"));
        headers.put("paypal-auth-algo", List.of("SHA256withRSA"));
        headers.put("paypal-auth-version", List.of("v2"));
        headers.put("paypal-cert-url", List.of(certUrl));
        headers.put("paypal-transmission-id", List.of(transmissionId));
        headers.put("paypal-transmission-sig", List.of(signature));
        headers.put("paypal-transmission-time", List.of(time));
        return headers;
    }
}
