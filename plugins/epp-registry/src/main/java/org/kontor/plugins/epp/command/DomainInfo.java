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

    /** An info carrying another registrar's auth code, which checks the code (RFC 5731 §3.1.2). */
    public static DomainInfo withAuthInfo(String name, String authInfo) {
        return new DomainInfo(name, Objects.requireNonNull(authInfo, "authInfo"));
    }

    /** Without the auth code, which must never reach a log. */
    @Override
    public String toString() {
        return "DomainInfo[name=" + name + ", authInfo=" + (authInfo == null ? "none" : "***") + "]";
    }
}
