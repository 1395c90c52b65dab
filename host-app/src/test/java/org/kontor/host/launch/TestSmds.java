package org.kontor.host.launch;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Makes what the trademark clearinghouse makes: a CA, signing certificates it issues, a CRL, and signed mark data
 * files (RFC 7848 signed marks with an enveloped RSA-SHA256 signature, in the file format of the clearinghouse's
 * functional specification) — for the tests of every refusal and for the demo files ({@link DemoSmdFiles}).
 */
public final class TestSmds {

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());
    private static final DateTimeFormatter HEADER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private TestSmds() {
    }

    /** A key pair and its certificate. */
    public record Issuer(KeyPair keys, X509Certificate certificate) {
    }

    /** A self-signed clearinghouse CA certificate valid from {@code from} until {@code until}. */
    public static Issuer authority(String commonName, Instant from, Instant until) {
        try {
            KeyPair keys = rsa();
            X500Name name = new X500Name("CN=" + commonName + ",O=Kontor test clearinghouse");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(from),
                    Date.from(until), name, keys.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            return new Issuer(keys, certificate(builder, keys));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signing certificate the CA issues, valid from {@code from} until {@code until}. */
    public static Issuer signer(Issuer ca, String commonName, Instant from, Instant until) {
        try {
            KeyPair keys = rsa();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), serial(),
                    Date.from(from), Date.from(until), new X500Name("CN=" + commonName + ",O=Kontor test clearinghouse"),
                    keys.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(ca.certificate()));
            return new Issuer(keys, certificate(builder, ca.keys()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CA's CRL at {@code now}, valid for a year, revoking these certificates. */
    public static X509CRL crl(Issuer ca, Instant now, X509Certificate... revoked) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), Date.from(now.minusSeconds(60)));
            builder.setNextUpdate(Date.from(now.plus(365, ChronoUnit.DAYS)));
            for (X509Certificate certificate : revoked) {
                builder.addCRLEntry(certificate.getSerialNumber(), Date.from(now.minusSeconds(30)),
                        CRLReason.keyCompromise);
            }
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(ca.keys().getPrivate());
            return new JcaX509CRLConverter().getCRL(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signed mark for one trademark, to adjust and then sign with {@link #file(Issuer)}. */
    public static Smd smd(String markName, Instant notBefore, Instant notAfter, String... labels) {
        return new Smd("0000001761385117375880-65535", markName, List.of(labels), notBefore, notAfter, null);
    }

    /**
     * @param id     the signed mark's id ({@code digits-digits})
     * @param extra  XML put into the trademark after its labels, or null (to break the schema)
     */
    public record Smd(String id, String markName, List<String> labels, Instant notBefore, Instant notAfter,
                      String extra) {

        public Smd withId(String newId) {
            return new Smd(newId, markName, labels, notBefore, notAfter, extra);
        }

        public Smd withExtra(String xml) {
            return new Smd(id, markName, labels, notBefore, notAfter, xml);
        }

        /** The signed mark's XML, signed with the signer's key and carrying its certificate. */
        public String signedXml(Issuer signer) {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                Document document = factory.newDocumentBuilder()
                        .parse(new ByteArrayInputStream(unsignedXml().getBytes(StandardCharsets.UTF_8)));
                Element root = document.getDocumentElement();
                root.setIdAttributeNS(null, "id", true);
                XMLSignatureFactory signatures = XMLSignatureFactory.getInstance("DOM");
                Reference reference = signatures.newReference("#" + root.getAttribute("id"),
                        signatures.newDigestMethod(DigestMethod.SHA256, null),
                        List.of(signatures.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                                signatures.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                        null, null);
                SignedInfo signedInfo = signatures.newSignedInfo(
                        signatures.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                                (C14NMethodParameterSpec) null),
                        signatures.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(reference));
                KeyInfoFactory keyInfos = signatures.getKeyInfoFactory();
                DOMSignContext context = new DOMSignContext(signer.keys().getPrivate(), root);
                context.setDefaultNamespacePrefix("ds");
                signatures.newXMLSignature(signedInfo, keyInfos.newKeyInfo(List.of(
                        keyInfos.newX509Data(List.of(signer.certificate()))))).sign(context);
                StringWriter out = new StringWriter();
                var transformer = TransformerFactory.newInstance().newTransformer();
                transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
                transformer.transform(new DOMSource(document), new StreamResult(out));
                return out.toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** The SMD file: header lines and the base64 of the signed mark. */
        public String file(Issuer signer) {
            return fileOf(this, signedXml(signer));
        }

        private String unsignedXml() {
            StringBuilder labelXml = new StringBuilder();
            for (String label : labels) {
                labelXml.append("      <mark:label>").append(label).append("</mark:label>\n");
            }
            return """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <smd:signedMark xmlns:smd="urn:ietf:params:xml:ns:signedMark-1.0" id="_%s">
                      <smd:id>%s</smd:id>
                      <smd:issuerInfo issuerID="65535">
                        <smd:org>Kontor Test Clearinghouse</smd:org>
                        <smd:email>tmch@kontor.test</smd:email>
                        <smd:url>https://kontor.test/tmch</smd:url>
                        <smd:voice>+45.70000000</smd:voice>
                      </smd:issuerInfo>
                      <smd:notBefore>%s</smd:notBefore>
                      <smd:notAfter>%s</smd:notAfter>
                      <mark:mark xmlns:mark="urn:ietf:params:xml:ns:mark-1.0">
                        <mark:trademark>
                          <mark:id>00052013734689731373468973-65535</mark:id>
                          <mark:markName>%s</mark:markName>
                          <mark:holder entitlement="owner">
                            <mark:org>Kontor Demo ApS</mark:org>
                            <mark:addr>
                              <mark:street>Demovej 1</mark:street>
                              <mark:city>København</mark:city>
                              <mark:pc>1000</mark:pc>
                              <mark:cc>DK</mark:cc>
                            </mark:addr>
                          </mark:holder>
                          <mark:jurisdiction>DK</mark:jurisdiction>
                          <mark:class>42</mark:class>
                    %s%s      <mark:goodsAndServices>Software for domain and hosting billing</mark:goodsAndServices>
                          <mark:regNum>VR 2024 00001</mark:regNum>
                          <mark:regDate>2024-01-15T00:00:00Z</mark:regDate>
                        </mark:trademark>
                      </mark:mark>
                    </smd:signedMark>
                    """.formatted(id.replace('-', '_'), id, notBefore, notAfter, escape(markName), labelXml,
                    extra == null ? "" : "      " + extra + "\n");
        }
    }

    /** The SMD file of a signed mark's XML. */
    static String fileOf(Smd smd, String signedXml) {
        String base64 = Base64.getMimeEncoder(72, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(signedXml.getBytes(StandardCharsets.UTF_8));
        return "Marks: " + smd.markName() + "\n"
                + "smdID: " + smd.id() + "\n"
                + "U-labels: " + String.join(", ", smd.labels()) + "\n"
                + "notBefore: " + HEADER_TIME.format(smd.notBefore()) + "\n"
                + "notAfter: " + HEADER_TIME.format(smd.notAfter()) + "\n"
                + "-----BEGIN ENCODED SMD-----\n" + base64 + "\n-----END ENCODED SMD-----\n";
    }

    /** The file with its signed mark's XML changed and encoded again (the signature left as it was). */
    public static String tamper(String file, UnaryOperator<String> change) {
        SmdFile parsed = SmdFile.parse(file);
        String xml = new String(parsed.signedMarkXml(), StandardCharsets.UTF_8);
        String changed = change.apply(xml);
        if (changed.equals(xml)) {
            throw new IllegalArgumentException("the change left the signed mark as it was");
        }
        String base64 = Base64.getMimeEncoder(72, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(changed.getBytes(StandardCharsets.UTF_8));
        int begin = file.indexOf("-----BEGIN ENCODED SMD-----");
        return file.substring(0, begin) + "-----BEGIN ENCODED SMD-----\n" + base64 + "\n-----END ENCODED SMD-----\n";
    }

    /** PEM of certificates. */
    public static String pem(X509Certificate... certificates) {
        List<String> blocks = new ArrayList<>();
        try {
            for (X509Certificate certificate : certificates) {
                blocks.add("-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(certificate.getEncoded())
                        + "\n-----END CERTIFICATE-----\n");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return String.join("", blocks);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet());
    }

    private static X509Certificate certificate(JcaX509v3CertificateBuilder builder, KeyPair signer) throws Exception {
        ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
    }
}
