package org.kontor.it;

/** Where the host process waits to be killed. */
enum StopPoint {
    /** The price is held and the operation marked HELD; the registry has not been called. */
    BEFORE_REGISTRY_CALL,
    /** The registry has done it and answered; the hold is not captured yet. */
    BEFORE_CAPTURE
}
