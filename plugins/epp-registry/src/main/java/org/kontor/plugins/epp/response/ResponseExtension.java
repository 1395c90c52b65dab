package org.kontor.plugins.epp.response;

/** A child of a response's {@code extension}; extensions this codec does not know stay raw. */
public sealed interface ResponseExtension permits RgpData, SecDnsData, FeeCheckData, UnknownElement {
}
