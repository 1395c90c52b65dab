package org.kontor.host.security;

import java.util.Objects;
import org.kontor.api.web.Access;

/**
 * Who is calling: a subject id (a customer, reseller or staff member) and the role they act in.
 */
public record Principal(String subject, Access role) {

    public Principal {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        if (role == Access.PUBLIC) {
            throw new IllegalArgumentException("PUBLIC is not a role a principal can have");
        }
    }
}
