package org.kontor.plugins.sepa.file;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/**
 * Validates collection files against the official ISO 20022 pain.008.001.08 schema, which the build unpacks into
 * {@code xsd/iso20022/} (see the plugin's pom).
 */
public final class Pain008Schema {

    private final Schema schema;

    public Pain008Schema() {
        URL xsd = Pain008Schema.class.getClassLoader().getResource("xsd/iso20022/pain.008.001.08.xsd");
        if (xsd == null) {
            throw new IllegalStateException("the pain.008.001.08 schema is missing from the plugin");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            schema = factory.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("the pain.008.001.08 schema cannot be read", e);
        }
    }

    /** @throws IllegalArgumentException naming the first violation */
    public void validate(byte[] document) {
        try {
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new ByteArrayInputStream(document)));
        } catch (SAXException e) {
            throw new IllegalArgumentException("not a valid pain.008.001.08 document: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
