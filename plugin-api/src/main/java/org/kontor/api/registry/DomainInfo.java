package org.kontor.api.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kontor.api.contact.ContactRole;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Nameserver;

/**
 * What a registry knows of one domain.
 *
 * @param statuses        EPP statuses such as {@code ok}, {@code serverHold}, {@code pendingDelete}
 * @param sponsor         the id of the registrar that holds it ({@code clID})
 * @param authCode        the auth code when the registry discloses it to the sponsor, else null
 * @param autoRenew       whether the registry renews the domain by itself at expiry, where it shows that (the .dk
 *                        registry's {@code dkhm:autoRenew}); null where it does not (generic EPP has no such element)
 */
public record DomainInfo(
        DomainName name,
        String registryReference,
        Set<String> statuses,
        ContactHandle registrant,
        Map<ContactRole, List<ContactHandle>> contacts,
        List<Nameserver> nameservers,
        Instant createdAt,
        Instant expiresAt,
        String sponsor,
        String authCode,
        Boolean autoRenew) {

    public DomainInfo {
        Objects.requireNonNull(name, "name");
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        contacts = contacts == null ? Map.of() : Map.copyOf(contacts);
        nameservers = nameservers == null ? List.of() : List.copyOf(nameservers);
    }

    /** What a registry knows without an auto-renew setting. */
    public DomainInfo(DomainName name, String registryReference, Set<String> statuses, ContactHandle registrant,
                      Map<ContactRole, List<ContactHandle>> contacts, List<Nameserver> nameservers, Instant createdAt,
                      Instant expiresAt, String sponsor, String authCode) {
        this(name, registryReference, statuses, registrant, contacts, nameservers, createdAt, expiresAt, sponsor,
                authCode, null);
    }

    /** This information with the auth code replaced. */
    public DomainInfo withAuthCode(String code) {
        return new DomainInfo(name, registryReference, statuses, registrant, contacts, nameservers, createdAt,
                expiresAt, sponsor, code, autoRenew);
    }

    /** This information with the auto-renew setting replaced. */
    public DomainInfo withAutoRenew(Boolean renewAutomatically) {
        return new DomainInfo(name, registryReference, statuses, registrant, contacts, nameservers, createdAt,
                expiresAt, sponsor, authCode, renewAutomatically);
    }
}
