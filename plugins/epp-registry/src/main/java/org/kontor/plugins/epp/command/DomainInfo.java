package org.kontor.plugins.epp.command;

import java.util.Objects;

/**
 * Reads a domain with all its hosts ({@code hosts="all"}).
 *
 * @param authInfo the authorization password for a domain of another registrar, or null
 */
public record DomainInfo(String name, String authInfo) implements EppCommand {

    public DomainInfo {
        Objects.requireNonNull(name, "name");
    }

    public static DomainInfo of(String name) {
        return new DomainInfo(name, null);
    }
}
