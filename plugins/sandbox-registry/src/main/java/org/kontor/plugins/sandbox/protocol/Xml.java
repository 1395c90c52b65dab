package org.kontor.plugins.sandbox.protocol;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reading a parsed frame's elements. */
public final class Xml {

    private Xml() {
    }

    public static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        if (parent == null) {
            return elements;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    public static List<Element> children(Element parent, String namespace, String localName) {
        return children(parent).stream().filter(e -> is(e, namespace, localName)).toList();
    }

    /** The first child with this name, or null (also when the parent is null). */
    public static Element child(Element parent, String namespace, String localName) {
        return children(parent).stream().filter(e -> is(e, namespace, localName)).findFirst().orElse(null);
    }

    /** The stripped text of the first child with this name, or null. */
    public static String text(Element parent, String namespace, String localName) {
        Element child = child(parent, namespace, localName);
        return child == null ? null : child.getTextContent().strip();
    }

    /** The stripped, non-empty text of the first child with this name, or null. */
    public static String value(Element parent, String namespace, String localName) {
        String text = text(parent, namespace, localName);
        return text == null || text.isEmpty() ? null : text;
    }

    public static List<String> texts(Element parent, String namespace, String localName) {
        return children(parent, namespace, localName).stream().map(e -> e.getTextContent().strip()).toList();
    }

    public static boolean is(Element e, String namespace, String localName) {
        return e != null && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
    }

    /** An extension element in any dkhm namespace, or null. */
    public static Element dkhm(Element extension, String localName) {
        return children(extension).stream()
                .filter(e -> e.getNamespaceURI() != null && e.getNamespaceURI().startsWith("urn:dkhm:params:xml:ns:dkhm-")
                        && localName.equals(e.getLocalName()))
                .findFirst().orElse(null);
    }

    public static String dkhmText(Element extension, String localName) {
        Element e = dkhm(extension, localName);
        if (e == null) {
            return null;
        }
        String text = e.getTextContent().strip();
        return text.isEmpty() ? null : text;
    }
}
