package org.kontor.plugins.epp.command;

import java.util.Objects;

/** Asks to restore a deleted domain in its redemption period: an RGP (RFC 3915) restore request. */
public record DomainRestore(String name) implements EppCommand {

    public DomainRestore {
        Objects.requireNonNull(name, "name");
    }
}
