package org.kontor.plugins.epp.frame;

import java.io.IOException;

/** A frame that breaks RFC 5734 framing: a length out of bounds, or a stream that ends inside a frame. */
public class EppFrameException extends IOException {

    public EppFrameException(String message) {
        super(message);
    }
}
