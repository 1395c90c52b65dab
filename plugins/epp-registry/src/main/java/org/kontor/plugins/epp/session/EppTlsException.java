package org.kontor.plugins.epp.session;

/** The TLS handshake failed: an untrusted or unpinned certificate, a wrong host name, no common protocol. */
public class EppTlsException extends EppSessionException {

    public EppTlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
