package org.kontor.plugins.epp.session;

/**
 * The certificate the client presents in the TLS handshake. Registries that require mutual TLS get a
 * variant carrying a certificate chain and private key here; {@link EppTlsConnector} turns it into key
 * managers. Only {@link None} exists so far.
 */
public sealed interface EppClientIdentity {

    /** No client certificate. */
    static EppClientIdentity none() {
        return new None();
    }

    /** The client presents no certificate. */
    record None() implements EppClientIdentity {
    }
}
