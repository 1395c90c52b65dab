package org.kontor.plugins.epp.codec;

/** An XML instance that cannot be written or read as EPP: malformed, unsafe, or missing required parts. */
public class EppCodecException extends RuntimeException {

    public EppCodecException(String message) {
        super(message);
    }

    public EppCodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
