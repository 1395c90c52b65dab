package org.kontor.plugins.epp.session;

import java.util.Objects;

/**
 * How the client trusts the registry's TLS certificate: the JVM's default trust store with host name
 * verification, or exactly one pinned certificate (a sandbox registry's self-signed one).
 */
public sealed interface EppTrust {

    /** The JVM's default trust store; the certificate must also match the endpoint's host name. */
    static EppTrust jvmDefault() {
        return new JvmDefault();
    }

    /** Only the server certificate given as PEM is accepted; its names are not checked. */
    static EppTrust pinned(String certificatePem) {
        return new PinnedCertificate(certificatePem);
    }

    /** The JVM's default trust store. */
    record JvmDefault() implements EppTrust {
    }

    /** One pinned server certificate, as PEM. */
    record PinnedCertificate(String pem) implements EppTrust {

        public PinnedCertificate {
            Objects.requireNonNull(pem, "pem");
            if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
                throw new IllegalArgumentException("a pinned certificate is given as PEM (BEGIN CERTIFICATE)");
            }
        }
    }
}
