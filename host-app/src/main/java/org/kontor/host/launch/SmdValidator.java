package org.kontor.host.launch;

import java.net.IDN;
import java.security.InvalidAlgorithmParameterException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks an uploaded signed mark data file as the trademark clearinghouse's functional specification asks of a
 * registry, in this order: the file's form, the signed mark schemas, the enveloped XML signature over the whole
 * signed mark, the signing certificate's chain to a trusted clearinghouse CA (and the CRL, when configured) at
 * {@code now}, the signed mark's own validity, the SMD revocation list (when configured), and that the mark covers
 * the label. Only signed content decides: the file's header lines (its {@code U-labels:} among them) are not signed,
 * so the labels covered are the signed mark's {@code mark:label} elements, of which the header is a copy.
 */
public final class SmdValidator {

    private static final Logger LOG = LoggerFactory.getLogger(SmdValidator.class);
    private static final Set<String> ALLOWED_TRANSFORMS = Set.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS, CanonicalizationMethod.INCLUSIVE,
            CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS);

    private final TmchTrust trust;
    private final SignedMarkSchema schema = new SignedMarkSchema();

    public SmdValidator(TmchTrust trust) {
        this.trust = trust;
    }

    /**
     * @param uploadedFile the SMD file as uploaded
     * @param label        the label applied for (the second-level label; A-label or U-label form)
     * @throws SmdRefusedException with the reason the file is refused
     */
    public ValidatedSmd validate(String uploadedFile, String label, Instant now) {
        if (!trust.configured()) {
            throw new SmdRefusedException(SmdRefusal.UNAVAILABLE,
                    "no trademark clearinghouse CA is configured (launch.tmch-ca)");
        }
        SmdFile file = SmdFile.parse(uploadedFile);
        Document document = schema.parse(file.signedMarkXml());
        Element signedMark = document.getDocumentElement();
        List<X509Certificate> certificates = verifySignature(signedMark);
        verifyChain(certificates, now);

        String smdId = text(signedMark, SignedMarkSchema.SIGNED_MARK_NS, "id").get(0);
        Instant notBefore = instant(text(signedMark, SignedMarkSchema.SIGNED_MARK_NS, "notBefore").get(0));
        Instant notAfter = instant(text(signedMark, SignedMarkSchema.SIGNED_MARK_NS, "notAfter").get(0));
        if (now.isBefore(notBefore)) {
            throw new SmdRefusedException(SmdRefusal.NOT_YET_VALID, "the signed mark " + smdId + " is valid from "
                    + notBefore, notBefore.toString());
        }
        if (!now.isBefore(notAfter)) {
            throw new SmdRefusedException(SmdRefusal.EXPIRED, "the signed mark " + smdId + " expired at " + notAfter,
                    notAfter.toString());
        }
        Optional<Instant> revoked = revocationList().flatMap(list -> list.revoked(smdId, now));
        if (revoked.isPresent()) {
            throw new SmdRefusedException(SmdRefusal.REVOKED, "the signed mark " + smdId + " was revoked at "
                    + revoked.get(), revoked.get().toString());
        }

        List<String> labels = text(signedMark, SignedMarkSchema.MARK_NS, "label").stream()
                .map(l -> l.toLowerCase(Locale.ROOT)).toList();
        String applied = aLabel(label);
        if (!labels.contains(applied)) {
            String shown = applied.isEmpty() ? String.valueOf(label) : IDN.toUnicode(applied);
            throw new SmdRefusedException(SmdRefusal.LABEL_NOT_COVERED, "the signed mark " + smdId
                    + " does not cover the label " + shown + " (it covers " + labels + ")", shown);
        }
        return new ValidatedSmd(file.encodedSignedMark(), smdId,
                text(signedMark, SignedMarkSchema.MARK_NS, "markName"), labels, notBefore, notAfter);
    }

    /**
     * Verifies the one enveloped signature of the signed mark, whose one reference must be the signed mark itself,
     * and returns the certificates of its key info, the signing certificate first.
     */
    private List<X509Certificate> verifySignature(Element signedMark) {
        NodeList signatures = signedMark.getOwnerDocument().getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (signatures.getLength() != 1 || signatures.item(0).getParentNode() != signedMark) {
            throw signature("the signed mark has " + signatures.getLength() + " signatures, not one of its own");
        }
        String id = signedMark.getAttribute("id");
        signedMark.setIdAttributeNS(null, "id", true);
        Certificates selector = new Certificates();
        DOMValidateContext context = new DOMValidateContext(selector, signatures.item(0));
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
        try {
            XMLSignature xmlSignature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            List<Reference> references = xmlSignature.getSignedInfo().getReferences();
            if (references.size() != 1 || !("#" + id).equals(references.get(0).getURI())) {
                throw signature("the signature does not cover the whole signed mark");
            }
            List<String> transforms = references.get(0).getTransforms().stream()
                    .map(t -> ((Transform) t).getAlgorithm()).toList();
            if (!transforms.contains(Transform.ENVELOPED) || !ALLOWED_TRANSFORMS.containsAll(transforms)) {
                throw signature("the signature's transforms are not an enveloped signature's: " + transforms);
            }
            if (!xmlSignature.validate(context)) {
                throw signature("the signature does not verify: the signed mark was changed or signed with another key");
            }
        } catch (MarshalException | XMLSignatureException e) {
            throw new SmdRefusedException(SmdRefusal.SIGNATURE, "the signature cannot be verified: " + e.getMessage(), e);
        }
        return selector.certificates;
    }

    private void verifyChain(List<X509Certificate> certificates, Instant now) {
        List<X509Certificate> path = certificates.stream().filter(c -> !trust.isAuthority(c)).toList();
        if (path.isEmpty()) {
            throw new SmdRefusedException(SmdRefusal.UNTRUSTED, "the signed mark is signed by a CA certificate itself");
        }
        Optional<X509CRL> crl;
        try {
            crl = trust.crl();
        } catch (RuntimeException e) {
            LOG.error("The trademark clearinghouse CRL cannot be read; sunrise files are refused until it can", e);
            throw new SmdRefusedException(SmdRefusal.UNAVAILABLE, "the clearinghouse CRL cannot be read", e);
        }
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(trust.anchors());
            parameters.setDate(Date.from(now));
            parameters.setRevocationEnabled(crl.isPresent());
            if (crl.isPresent()) {
                parameters.addCertStore(CertStore.getInstance("Collection",
                        new CollectionCertStoreParameters(List.of(crl.get()))));
            }
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
        } catch (CertPathValidatorException e) {
            String subject = path.get(0).getSubjectX500Principal().getName();
            if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                throw new SmdRefusedException(SmdRefusal.EXPIRED, "the signing certificate " + subject
                        + " has expired", e, path.get(0).getNotAfter().toInstant().toString());
            }
            if (e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                throw new SmdRefusedException(SmdRefusal.NOT_YET_VALID, "the signing certificate " + subject
                        + " is not valid yet", e, path.get(0).getNotBefore().toInstant().toString());
            }
            if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
                throw new SmdRefusedException(SmdRefusal.REVOKED, "the signing certificate " + subject
                        + " is revoked", e);
            }
            throw new SmdRefusedException(SmdRefusal.UNTRUSTED, "the signing certificate " + subject
                    + " does not chain to a trusted clearinghouse CA: " + e.getMessage(), e);
        } catch (CertificateException | InvalidAlgorithmParameterException | NoSuchAlgorithmException e) {
            throw new SmdRefusedException(SmdRefusal.UNTRUSTED, "the signing certificate cannot be checked: "
                    + e.getMessage(), e);
        }
    }

    private Optional<SmdRevocationList> revocationList() {
        try {
            return trust.revocationList();
        } catch (RuntimeException e) {
            LOG.error("The SMD revocation list cannot be read; sunrise files are refused until it can", e);
            throw new SmdRefusedException(SmdRefusal.UNAVAILABLE, "the SMD revocation list cannot be read", e);
        }
    }

    /**
     * The texts of the elements with this name below {@code root}, in document order, leaving out those in the
     * signature: its {@code ds:Object} may hold any element and is not signed (the enveloped transform drops it).
     */
    private static List<String> text(Element root, String namespace, String localName) {
        NodeList nodes = root.getElementsByTagNameNS(namespace, localName);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (!inSignature(nodes.item(i), root)) {
                texts.add(nodes.item(i).getTextContent().strip());
            }
        }
        return texts;
    }

    private static boolean inSignature(Node node, Element root) {
        for (Node parent = node.getParentNode(); parent != null && parent != root; parent = parent.getParentNode()) {
            if (XMLSignature.XMLNS.equals(parent.getNamespaceURI())) {
                return true;
            }
        }
        return false;
    }

    /** An xsd:dateTime (the schema checked its form); one without a zone is taken as UTC. */
    private static Instant instant(String dateTime) {
        try {
            return DatatypeFactory.newInstance().newXMLGregorianCalendar(dateTime)
                    .toGregorianCalendar(TimeZone.getTimeZone("UTC"), null, null).toInstant();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String aLabel(String label) {
        try {
            return IDN.toASCII(label == null ? "" : label.strip(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static SmdRefusedException signature(String message) {
        return new SmdRefusedException(SmdRefusal.SIGNATURE, message);
    }

    /** Takes the key from the X.509 certificate of the signature's key info, and keeps the certificates. */
    private static final class Certificates extends KeySelector {

        private final List<X509Certificate> certificates = new ArrayList<>();

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                                        XMLCryptoContext context) throws KeySelectorException {
            if (keyInfo == null) {
                throw new KeySelectorException("the signature has no key info");
            }
            certificates.clear();
            for (Object structure : keyInfo.getContent()) {
                if (structure instanceof X509Data data) {
                    for (Object content : data.getContent()) {
                        if (content instanceof X509Certificate certificate) {
                            certificates.add(certificate);
                        }
                    }
                }
            }
            if (certificates.isEmpty()) {
                throw new KeySelectorException("the signature's key info has no X.509 certificate");
            }
            Key key = certificates.get(0).getPublicKey();
            return () -> key;
        }
    }
}
