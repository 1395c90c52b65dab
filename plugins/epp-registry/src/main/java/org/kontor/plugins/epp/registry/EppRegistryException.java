package org.kontor.plugins.epp.registry;

/** A query (check, info, poll, balance) got no usable answer from the registry. */
public class EppRegistryException extends RuntimeException {

    public EppRegistryException(String message) {
        super(message);
    }

    public EppRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
