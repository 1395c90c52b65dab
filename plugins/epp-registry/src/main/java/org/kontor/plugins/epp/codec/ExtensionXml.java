package org.kontor.plugins.epp.codec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kontor.plugins.epp.response.UnknownElement;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the elements the codec keeps raw ({@link UnknownElement}): a registry profile's own response
 * extensions, such as the .dk registry's {@code dkhm:trackingNo}. Parsing is as safe as the decoder's.
 */
public final class ExtensionXml {

    private static final SecureXml XML = new SecureXml();

    private ExtensionXml() {
    }

    /** The element as a DOM tree of its own. */
    public static Element element(UnknownElement unknown) {
        return XML.parse(unknown.xml().getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    }

    /**
     * The trimmed text of the element itself when its local name is {@code localName}, else of its first
     * descendant of that name in the element's namespace; null when there is none.
     */
    public static String text(UnknownElement unknown, String localName) {
        Element e = first(element(unknown), unknown.namespace(), localName);
        return e == null ? null : e.getTextContent().strip();
    }

    /** An attribute of the element (or its first descendant of that name), or null. */
    public static String attribute(UnknownElement unknown, String localName, String attribute) {
        Element e = first(element(unknown), unknown.namespace(), localName);
        return e == null || !e.hasAttribute(attribute) ? null : e.getAttribute(attribute);
    }

    /** The texts of all descendants of that name in the element's namespace. */
    public static List<String> texts(UnknownElement unknown, String localName) {
        Element root = element(unknown);
        NodeList nodes = root.getElementsByTagNameNS(unknown.namespace(), localName);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }

    /** An XML Schema dateTime, or null for null or empty text. */
    public static Instant instant(String text) {
        return Dom.instant(text);
    }

    private static Element first(Element root, String namespace, String localName) {
        if (localName.equals(root.getLocalName())) {
            return root;
        }
        NodeList nodes = root.getElementsByTagNameNS(namespace == null ? "*" : namespace, localName);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }
}
