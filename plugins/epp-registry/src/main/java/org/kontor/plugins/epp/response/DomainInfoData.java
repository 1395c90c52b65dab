package org.kontor.plugins.epp.response;

import java.time.Instant;
import java.util.List;
import org.kontor.plugins.epp.command.DomainContact;
import org.kontor.plugins.epp.command.NameServer;

/**
 * A domain as the registry holds it. Optional values are null when the registry does not send them (for
 * example dates and identifiers a registry shows only to the sponsoring registrar).
 *
 * @param nameServers the delegation; host objects carry no addresses
 * @param subordinateHosts the hosts created under this domain
 * @param authInfo the authorization password; empty when the registry sends an empty {@code pw}, null when
 *     it sends none
 */
public record DomainInfoData(String name, String roid, List<String> statuses, String registrant,
        List<DomainContact> contacts, List<NameServer> nameServers, List<String> subordinateHosts,
        String clientId, String creatorId, Instant createdAt, String updaterId, Instant updatedAt,
        Instant expiryDate, Instant transferredAt, String authInfo) implements ResponseData {

    public DomainInfoData {
        statuses = List.copyOf(statuses);
        contacts = List.copyOf(contacts);
        nameServers = List.copyOf(nameServers);
        subordinateHosts = List.copyOf(subordinateHosts);
    }

    /** The ids of the contacts with this role, e.g. {@code admin}. */
    public List<String> contactIds(String type) {
        return contacts.stream().filter(c -> c.type().equals(type)).map(DomainContact::contactId).toList();
    }

    /** The name server host names, whatever the form. */
    public List<String> nameServerNames() {
        return nameServers.stream().map(NameServer::hostName).toList();
    }

    @Override
    public String toString() {
        return "DomainInfoData[name=" + name + ", roid=" + roid + ", statuses=" + statuses + ", registrant="
                + registrant + ", contacts=" + contacts + ", nameServers=" + nameServers + ", clientId=" + clientId
                + ", expiryDate=" + expiryDate + "]";
    }
}
