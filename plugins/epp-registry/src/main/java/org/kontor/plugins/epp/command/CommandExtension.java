package org.kontor.plugins.epp.command;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One extension of a command (RFC 5730 §2.7.3): what a registry profile adds in {@code <extension>}, such as
 * the .dk registry's {@code dkhm:orderconfirmationToken} or RFC 5910's {@code secDNS:create}. Attach it with
 * {@link Extended#of}; the encoder writes all of a command's extensions into one {@code <extension>}.
 */
public interface CommandExtension {

    /** The extension's XML namespace, e.g. {@code urn:dkhm:params:xml:ns:dkhm-4.5}. */
    String namespace();

    /** The prefix its elements are written with, e.g. {@code dkhm}. */
    String prefix();

    /** Writes the extension's elements. */
    void write(ExtensionWriter out);

    /** An extension written by a lambda. */
    static CommandExtension of(String namespace, String prefix, Consumer<ExtensionWriter> writer) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(writer, "writer");
        return new CommandExtension() {
            @Override
            public String namespace() {
                return namespace;
            }

            @Override
            public String prefix() {
                return prefix;
            }

            @Override
            public void write(ExtensionWriter out) {
                writer.accept(out);
            }

            @Override
            public String toString() {
                return "CommandExtension[" + namespace + "]";
            }
        };
    }

    /** One element with text, e.g. {@code <dkhm:userType>company</dkhm:userType>}. */
    static CommandExtension element(String namespace, String prefix, String localName, String text) {
        Objects.requireNonNull(text, localName);
        return of(namespace, prefix, out -> out.leaf(localName, text));
    }
}
