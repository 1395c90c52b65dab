package org.kontor.plugins.epp.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A thin StAX writer for one EPP instance; wraps checked exceptions and keeps encoder code short. */
final class XmlOut {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final XMLStreamWriter writer;

    XmlOut(XMLOutputFactory factory) {
        try {
            writer = factory.createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
        } catch (XMLStreamException e) {
            throw new EppCodecException("cannot start an XML instance", e);
        }
    }

    /** Opens {@code <epp>} with the EPP namespace as default. */
    XmlOut startEpp() {
        return run(() -> {
            writer.setDefaultNamespace(EppNamespaces.EPP);
            writer.writeStartElement(EppNamespaces.EPP, "epp");
            writer.writeDefaultNamespace(EppNamespaces.EPP);
        });
    }

    /** Opens an element in the EPP namespace. */
    XmlOut start(String localName) {
        return run(() -> writer.writeStartElement(EppNamespaces.EPP, localName));
    }

    /** Opens the first element of an object namespace, declaring its prefix there. */
    XmlOut startDeclaring(String prefix, String namespace, String localName) {
        return run(() -> {
            writer.writeStartElement(prefix, localName, namespace);
            writer.writeNamespace(prefix, namespace);
        });
    }

    /** Opens an element of an object namespace declared on an ancestor. */
    XmlOut start(String prefix, String namespace, String localName) {
        return run(() -> writer.writeStartElement(prefix, localName, namespace));
    }

    XmlOut attribute(String name, String value) {
        return run(() -> writer.writeAttribute(name, value));
    }

    XmlOut text(String text) {
        return run(() -> writer.writeCharacters(text));
    }

    XmlOut end() {
        return run(writer::writeEndElement);
    }

    /** An element with text in the EPP namespace. */
    XmlOut leaf(String localName, String text) {
        return start(localName).text(text).end();
    }

    /** An element with text in an object namespace declared on an ancestor. */
    XmlOut leaf(String prefix, String namespace, String localName, String text) {
        return start(prefix, namespace, localName).text(text).end();
    }

    /** As {@link #leaf(String, String, String, String)}, skipped when the text is null. */
    XmlOut optionalLeaf(String prefix, String namespace, String localName, String text) {
        return text == null ? this : leaf(prefix, namespace, localName, text);
    }

    /** An empty element in an object namespace declared on an ancestor. */
    XmlOut empty(String prefix, String namespace, String localName) {
        return run(() -> writer.writeEmptyElement(prefix, localName, namespace));
    }

    /** An empty element of a namespace it declares itself. */
    XmlOut emptyDeclaring(String prefix, String namespace, String localName) {
        return run(() -> {
            writer.writeEmptyElement(prefix, localName, namespace);
            writer.writeNamespace(prefix, namespace);
        });
    }

    byte[] finish() {
        run(() -> {
            writer.writeEndDocument();
            writer.close();
        });
        return bytes.toByteArray();
    }

    private XmlOut run(XmlAction action) {
        try {
            action.run();
        } catch (XMLStreamException e) {
            throw new EppCodecException("cannot write the XML instance", e);
        }
        return this;
    }

    @FunctionalInterface
    private interface XmlAction {
        void run() throws XMLStreamException;
    }
}
