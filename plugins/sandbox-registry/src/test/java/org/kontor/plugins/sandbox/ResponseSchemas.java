package org.kontor.plugins.sandbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/** The .dk schema set (EPP, domain, host, contact, RGP, secDNS, balance, dkhm), to validate every answer. */
final class ResponseSchemas {

    private static final String FOLDER = "/epp/xsd/dkhm/";

    private final Schema schema;

    ResponseSchemas() {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver(new Resolver());
        try {
            schema = factory.newSchema(new StreamSource(url(FOLDER + "epp.xsd").toExternalForm()));
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load the schemas", e);
        }
    }

    /** Throws an AssertionError naming the violation unless the frame is valid. */
    void validate(byte[] frame) {
        try {
            schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(frame)));
        } catch (SAXException e) {
            throw new AssertionError("not valid against the schema set: " + e.getMessage() + "\n"
                    + new String(frame, java.nio.charset.StandardCharsets.UTF_8), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL url(String resource) {
        URL url = ResponseSchemas.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        return url;
    }

    private static final class Resolver implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId,
                String baseUri) {
            if (systemId == null) {
                return null;
            }
            URL url = url(FOLDER + systemId.substring(systemId.lastIndexOf('/') + 1));
            try (InputStream in = url.openStream()) {
                return new Input(url.toExternalForm(), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

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
