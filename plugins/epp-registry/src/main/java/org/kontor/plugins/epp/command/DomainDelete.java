package org.kontor.plugins.epp.command;

import java.util.Objects;

/** Deletes a domain. */
public record DomainDelete(String name) implements EppCommand {

    public DomainDelete {
        Objects.requireNonNull(name, "name");
    }
}
