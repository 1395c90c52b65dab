package org.kontor.plugins.epp.response;

/**
 * An element this codec does not interpret, kept as serialized XML so that a registry profile (for example
 * the .dk extensions) can read it, and so that unknown extensions never break a response.
 */
public record UnknownElement(String namespace, String localName, String xml) implements ResponseData,
        ResponseExtension {
}
