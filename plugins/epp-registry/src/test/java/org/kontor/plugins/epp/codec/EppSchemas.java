package org.kontor.plugins.epp.codec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/** The schema sets frames are validated against, loaded from the test resources. */
public final class EppSchemas {

    /** The RFC schemas import by namespace only; the resolver maps each namespace to its file. */
    private static final Map<String, String> RFC_FILES = Map.ofEntries(
            Map.entry("urn:ietf:params:xml:ns:epp-1.0", "epp-1.0.xsd"),
            Map.entry("urn:ietf:params:xml:ns:eppcom-1.0", "eppcom-1.0.xsd"),
            Map.entry("urn:ietf:params:xml:ns:domain-1.0", "domain-1.0.xsd"),
            Map.entry("urn:ietf:params:xml:ns:host-1.0", "host-1.0.xsd"),
            Map.entry("urn:ietf:params:xml:ns:contact-1.0", "contact-1.0.xsd"),
            Map.entry("urn:ietf:params:xml:ns:rgp-1.0", "rgp-1.0.xsd"),
            Map.entry("urn:ietf:params:xml:ns:secDNS-1.1", "secDNS-1.1.xsd"),
            Map.entry("urn:ietf:params:xml:ns:epp:fee-1.0", "fee-1.0.xsd"),
            Map.entry("urn:ietf:params:xml:ns:launch-1.0", "launch-1.0.xsd"),
            Map.entry("urn:ietf:params:xml:ns:mark-1.0", "mark-1.0.xsd"),
            Map.entry("urn:ietf:params:xml:ns:signedMark-1.0", "signedMark-1.0.xsd"),
            Map.entry("http://www.w3.org/2000/09/xmldsig#", "xmldsig-core-schema.xsd"),
            Map.entry("urn:ietf:params:xml:ns:allocationToken-1.0", "allocationToken-1.0.xsd"));

    private EppSchemas() {
    }

    /** The Punktum dk set: its epp.xsd imports EPP, the objects, RGP, secDNS, balance and the dkhm extensions. */
    public static Schema dkhm() {
        return load("/epp/xsd/dkhm/", new Source[] {source("/epp/xsd/dkhm/epp.xsd")});
    }

    /**
     * The IETF set: EPP, domain, host, contact, RGP, secDNS 1.1, fee 1.0, launch 1.0 with mark and signed mark
     * (and XML signatures), allocation token 1.0.
     */
    public static Schema rfc() {
        return load("/epp/xsd/rfc/", RFC_FILES.values().stream().sorted()
                .map(file -> source("/epp/xsd/rfc/" + file)).toArray(Source[]::new));
    }

    private static Schema load(String folder, Source[] sources) {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver(new Resolver(folder));
        try {
            return factory.newSchema(sources);
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load the schemas in " + folder, e);
        }
    }

    private static StreamSource source(String resource) {
        URL url = url(resource);
        return new StreamSource(url.toExternalForm());
    }

    private static URL url(String resource) {
        URL url = EppSchemas.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        return url;
    }

    /** Resolves imports with a schemaLocation against the folder, and those without one by namespace. */
    private record Resolver(String folder) implements LSResourceResolver {

        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId,
                String baseUri) {
            if (systemId != null && systemId.endsWith(".dtd")) {
                // xmldsig-core-schema.xsd names the XMLSchema DTD; nothing of it is needed, nothing is fetched
                return new Input(systemId, new byte[0]);
            }
            String file = systemId != null ? systemId.substring(systemId.lastIndexOf('/') + 1) : RFC_FILES.get(namespace);
            if (file == null) {
                return null;
            }
            URL url = url(folder + file);
            try (InputStream in = url.openStream()) {
                return new Input(url.toExternalForm(), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
