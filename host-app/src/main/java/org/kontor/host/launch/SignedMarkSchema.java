package org.kontor.host.launch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses a signed mark without DOCTYPEs, external entities or XInclude, and validates it against the signedMark-1.0
 * and mark-1.0 schemas of RFC 7848 (with the XML signature schema they import), all loaded from the class path.
 */
final class SignedMarkSchema {

    static final String SIGNED_MARK_NS = "urn:ietf:params:xml:ns:signedMark-1.0";
    static final String MARK_NS = "urn:ietf:params:xml:ns:mark-1.0";
    private static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    private static final Map<String, String> FILES = Map.of(
            SIGNED_MARK_NS, "signedMark-1.0.xsd",
            MARK_NS, "mark-1.0.xsd",
            DSIG_NS, "xmldsig-core-schema.xsd");

    private final Schema schema;
    private final DocumentBuilderFactory documents;

    SignedMarkSchema() {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setResourceResolver(new Resolver());
            schema = factory.newSchema(new StreamSource[] {
                    source(DSIG_NS), source(MARK_NS), source(SIGNED_MARK_NS)});
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load the signed mark schemas", e);
        }
        documents = DocumentBuilderFactory.newInstance();
        documents.setNamespaceAware(true);
        documents.setXIncludeAware(false);
        documents.setExpandEntityReferences(false);
        try {
            documents.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            documents.setFeature("http://xml.org/sax/features/external-general-entities", false);
            documents.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            documents.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe", e);
        }
        documents.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        documents.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    }

    /**
     * The signed mark's document; its root is an {@code smd:signedMark} valid against the schemas.
     *
     * @throws SmdRefusedException {@link SmdRefusal#MALFORMED} when it is not well-formed XML (or has a DOCTYPE),
     *                             {@link SmdRefusal#SCHEMA} when it is not a valid signed mark
     */
    Document parse(byte[] xml) {
        Document document;
        try {
            DocumentBuilder builder;
            synchronized (documents) {
                builder = documents.newDocumentBuilder();
            }
            builder.setErrorHandler(new Strict());
            document = builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new SmdRefusedException(SmdRefusal.MALFORMED, "the signed mark is not XML: " + e.getMessage(), e);
        } catch (IOException | ParserConfigurationException e) {
            throw new SmdRefusedException(SmdRefusal.MALFORMED, "the signed mark cannot be read: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        if (!SIGNED_MARK_NS.equals(root.getNamespaceURI()) || !"signedMark".equals(root.getLocalName())) {
            throw new SmdRefusedException(SmdRefusal.SCHEMA, "the document is not an smd:signedMark but "
                    + root.getNodeName());
        }
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new Strict());
            validator.validate(new DOMSource(document));
        } catch (SAXException e) {
            throw new SmdRefusedException(SmdRefusal.SCHEMA, "the signed mark does not follow its schema: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return document;
    }

    private static StreamSource source(String namespace) {
        String file = FILES.get(namespace);
        return new StreamSource(new ByteArrayInputStream(resource(file)), "kontor:launch/xsd/" + file);
    }

    private static byte[] resource(String file) {
        try (InputStream in = SignedMarkSchema.class.getResourceAsStream("xsd/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the schema xsd/" + file + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Warnings pass; errors, which a parser or validator would otherwise only report, refuse the document. */
    private static final class Strict implements ErrorHandler {
        @Override
        public void warning(SAXParseException exception) {
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    }

    /** The schemas import each other by namespace only; each namespace resolves to its file on the class path. */
    private static final class Resolver implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            String file = namespace == null ? null : FILES.get(namespace);
            return file == null ? null : new Input("kontor:launch/xsd/" + file, resource(file));
        }
    }

    /** The few LSInput members a schema factory reads. */
    private record Input(String systemId, byte[] bytes) implements LSInput {
        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader characterStream) { }
        @Override public InputStream getByteStream() { return new ByteArrayInputStream(bytes); }
        @Override public void setByteStream(InputStream byteStream) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String stringData) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String systemId) { }
        @Override public String getPublicId() { return null; }
        @Override public void setPublicId(String publicId) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String baseURI) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String encoding) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean certifiedText) { }
    }
}
