package org.kontor.plugins.sandbox.protocol;

import org.w3c.dom.Element;

/**
 * An object command the sandbox reads straight from the frame's elements: contacts, hosts, domain create,
 * update and transfer, and whatever extension came with them.
 *
 * @param name the command's name as faults are configured, e.g. {@code contact:create}
 * @param op the {@code op} attribute of a transfer, or null
 * @param object the object element, e.g. {@code <contact:create>}
 * @param extension the command's {@code <extension>} element, or null
 */
public record XmlCommand(String name, String op, Element object, Element extension) {

    public String verb() {
        return name.substring(name.indexOf(':') + 1);
    }

    public String objectType() {
        return name.substring(0, name.indexOf(':'));
    }
}
