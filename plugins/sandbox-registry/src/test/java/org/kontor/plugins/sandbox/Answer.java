package org.kontor.plugins.sandbox;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A response frame read as a document: its code and the text of elements by local name. */
record Answer(Document document, String xml) {

    static Answer of(byte[] frame) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            return new Answer(factory.newDocumentBuilder().parse(new ByteArrayInputStream(frame)),
                    new String(frame, java.nio.charset.StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    int code() {
        return Integer.parseInt(first("result").getAttribute("code"));
    }

    Element first(String localName) {
        NodeList nodes = document.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    /** The text of the first element with this local name, or null. */
    String text(String localName) {
        Element e = first(localName);
        return e == null ? null : e.getTextContent().strip();
    }

    /** The texts of all elements with this local name. */
    List<String> texts(String localName) {
        NodeList nodes = document.getElementsByTagNameNS("*", localName);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }

    /** The attribute values of all elements with this local name, e.g. statuses. */
    List<String> attributes(String localName, String attribute) {
        NodeList nodes = document.getElementsByTagNameNS("*", localName);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(((Element) nodes.item(i)).getAttribute(attribute));
        }
        return values;
    }

    @Override
    public String toString() {
        return xml;
    }
}
