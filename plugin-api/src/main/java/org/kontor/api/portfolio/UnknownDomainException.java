package org.kontor.api.portfolio;

import org.kontor.api.domain.DomainName;

/**
 * The customer has no such domain (or no such domain in a state that allows the call). Thrown as well for a
 * domain that exists but belongs to another customer, so that a caller cannot tell the two apart.
 *
 * @since 1.1.0
 */
public class UnknownDomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final DomainName name;

    public UnknownDomainException(DomainName name, String message) {
        super(message);
        this.name = name;
    }

    public DomainName name() {
        return name;
    }
}
