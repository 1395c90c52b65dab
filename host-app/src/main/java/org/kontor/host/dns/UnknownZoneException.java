package org.kontor.host.dns;

import org.kontor.api.domain.DomainName;
import org.kontor.host.web.Problem;
import org.kontor.host.web.ProblemException;

/** The customer holds no such domain (or it is someone else's): 404, the same answer either way. */
public final class UnknownZoneException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public UnknownZoneException(DomainName domain) {
        this(domain.unicode());
    }

    /** For a name as it was asked for, when it is not even a domain name. */
    public UnknownZoneException(String name) {
        super(Problem.of(404, "not-found", "Not found", "You have no domain " + name + "."));
    }
}
