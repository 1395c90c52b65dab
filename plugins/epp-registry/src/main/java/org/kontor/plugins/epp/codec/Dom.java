package org.kontor.plugins.epp.codec;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSSerializer;

/** Small, null-tolerant readers over a namespace-aware DOM. */
final class Dom {

    private Dom() {
    }

    static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    static List<Element> children(Element parent, String namespace, String localName) {
        return children(parent).stream().filter(e -> is(e, namespace, localName)).toList();
    }

    /** The first child with this name, or null. */
    static Element child(Element parent, String namespace, String localName) {
        if (parent == null) {
            return null;
        }
        for (Element element : children(parent)) {
            if (is(element, namespace, localName)) {
                return element;
            }
        }
        return null;
    }

    static Element requiredChild(Element parent, String namespace, String localName) {
        Element child = child(parent, namespace, localName);
        if (child == null) {
            throw new EppCodecException("<" + parent.getLocalName() + "> lacks <" + localName + ">");
        }
        return child;
    }

    static boolean is(Element element, String namespace, String localName) {
        return namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    /** The trimmed text of the first child with this name, or null when there is no such child. */
    static String text(Element parent, String namespace, String localName) {
        Element child = child(parent, namespace, localName);
        return child == null ? null : child.getTextContent().strip();
    }

    static String requiredText(Element parent, String namespace, String localName) {
        return requiredChild(parent, namespace, localName).getTextContent().strip();
    }

    static List<String> texts(Element parent, String namespace, String localName) {
        return children(parent, namespace, localName).stream().map(e -> e.getTextContent().strip()).toList();
    }

    /** An attribute's value, or null when absent. */
    static String attribute(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    /** The value of attribute {@code s} of each child with this name: how EPP lists statuses. */
    static List<String> statuses(Element parent, String namespace, String localName) {
        return children(parent, namespace, localName).stream().map(e -> e.getAttribute("s")).toList();
    }

    /** EPP dates are XML Schema dateTime values: {@code 1999-04-03T22:00:00.0Z} or with an offset. */
    static Instant instant(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new EppCodecException("not a dateTime: " + text, e);
        }
    }

    /** XML Schema booleans: {@code 1}/{@code true} or {@code 0}/{@code false}. */
    static boolean bool(String text) {
        return "1".equals(text) || "true".equals(text);
    }

    static String serialize(Element element) {
        DOMImplementationLS ls = (DOMImplementationLS) element.getOwnerDocument().getImplementation();
        LSSerializer serializer = ls.createLSSerializer();
        serializer.getDomConfig().setParameter("xml-declaration", false);
        return serializer.writeToString(element);
    }
}
