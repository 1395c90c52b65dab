package org.kontor.plugins.epp.command;

/**
 * Writes the elements of one {@link CommandExtension} inside a command's {@code <extension>}. Every element
 * is in the extension's namespace with its prefix; each top-level element declares the namespace itself.
 */
public interface ExtensionWriter {

    /** Opens an element. */
    ExtensionWriter start(String localName);

    ExtensionWriter attribute(String name, String value);

    ExtensionWriter text(String text);

    /** Closes the element opened last. */
    ExtensionWriter end();

    /** An element with text. */
    default ExtensionWriter leaf(String localName, String text) {
        return start(localName).text(text).end();
    }

    /** An element with text, skipped when the text is null. */
    default ExtensionWriter optionalLeaf(String localName, String text) {
        return text == null ? this : leaf(localName, text);
    }

    /** An element without content (attributes may follow). */
    ExtensionWriter empty(String localName);

    /**
     * Opens an element of another namespace, declared on it, e.g. RFC 7848's {@code smd:encodedSignedMark}
     * inside {@code launch:create}; close it with {@link #end()}.
     */
    ExtensionWriter startForeign(String prefix, String namespace, String localName);
}
