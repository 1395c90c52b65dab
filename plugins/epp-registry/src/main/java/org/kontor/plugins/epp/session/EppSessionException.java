package org.kontor.plugins.epp.session;

import java.io.IOException;

/**
 * A session could not deliver a command or its answer: I/O failure, TLS failure, a broken protocol exchange.
 * Whether the command took effect at the registry is unknown.
 */
public class EppSessionException extends IOException {

    public EppSessionException(String message) {
        super(message);
    }

    public EppSessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
