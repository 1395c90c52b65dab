package org.kontor.api.registry;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kontor.api.contact.ContactRole;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Nameserver;
import org.kontor.api.outcome.IdempotencyKey;

/**
 * Changes to one domain; empty collections and null fields leave that part as it is.
 *
 * @param newRegistrant a change of holder, or null
 * @param newAuthCode   a new auth code, or null
 */
public record UpdateDomain(
        IdempotencyKey key,
        DomainName name,
        List<Nameserver> addNameservers,
        List<Nameserver> removeNameservers,
        Map<ContactRole, ContactHandle> addContacts,
        Map<ContactRole, ContactHandle> removeContacts,
        Set<String> addStatuses,
        Set<String> removeStatuses,
        ContactHandle newRegistrant,
        String newAuthCode) {

    public UpdateDomain {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        addNameservers = addNameservers == null ? List.of() : List.copyOf(addNameservers);
        removeNameservers = removeNameservers == null ? List.of() : List.copyOf(removeNameservers);
        addContacts = addContacts == null ? Map.of() : Map.copyOf(addContacts);
        removeContacts = removeContacts == null ? Map.of() : Map.copyOf(removeContacts);
        addStatuses = addStatuses == null ? Set.of() : Set.copyOf(addStatuses);
        removeStatuses = removeStatuses == null ? Set.of() : Set.copyOf(removeStatuses);
    }

    /** Replaces the nameservers: adds those not there yet and removes the others. */
    public static UpdateDomain nameservers(IdempotencyKey key, DomainName name, List<Nameserver> add,
                                           List<Nameserver> remove) {
        return new UpdateDomain(key, name, add, remove, null, null, null, null, null, null);
    }

    /** Sets a new auth code. */
    public static UpdateDomain authCode(IdempotencyKey key, DomainName name, String authCode) {
        return new UpdateDomain(key, name, null, null, null, null, null, null, null, authCode);
    }
}
