package org.kontor.plugins.epp.command;

import java.util.List;
import java.util.Objects;

/**
 * Registers a domain.
 *
 * @param period the registration period, or null for the registry's default
 * @param registrant the registrant contact id, or null where the registry allows none
 * @param authInfo the authorization password, possibly empty where the registry sets it
 */
public record DomainCreate(String name, Period period, NameServers nameServers, String registrant,
        List<DomainContact> contacts, String authInfo) implements EppCommand {

    public DomainCreate {
        Objects.requireNonNull(name, "name");
        nameServers = nameServers == null ? NameServers.none() : nameServers;
        contacts = List.copyOf(contacts);
        Objects.requireNonNull(authInfo, "authInfo");
    }

    @Override
    public String toString() {
        return "DomainCreate[name=" + name + ", period=" + period + ", nameServers=" + nameServers
                + ", registrant=" + registrant + ", contacts=" + contacts + "]";
    }
}
