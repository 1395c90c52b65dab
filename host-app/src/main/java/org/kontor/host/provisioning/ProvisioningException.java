package org.kontor.host.provisioning;

/** A domain operation cannot start: no registry serves the TLD, or the funding source is not running. */
public class ProvisioningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProvisioningException(String message) {
        super(message);
    }
}
