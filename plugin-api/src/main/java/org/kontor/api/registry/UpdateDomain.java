package org.kontor.api.registry;

import java.time.Instant;
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
 * @param newAuthCode   a new auth code, or null; the empty string removes the auth code (RFC 5731
 *                      {@code domain:null}); registries that generate codes themselves (.dk) take any other
 *                      value as the request to generate one
 * @param addDsRecords    DS records to add (DNSSEC)
 * @param removeDsRecords DS records to remove
 * @param termsAcceptedAt when a new holder accepted the registry's terms, for a change of registrant, or null
 * @param autoRenew     true or false to change whether the registry renews the domain by itself at expiry (the
 *                      .dk registry's {@code dkhm:autoRenew}), null to leave it as it is. Generic EPP (RFC 5731)
 *                      has no such element: registries without one ignore it
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
        String newAuthCode,
        List<DsRecord> addDsRecords,
        List<DsRecord> removeDsRecords,
        Instant termsAcceptedAt,
        Boolean autoRenew) {

    public UpdateDomain {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        addNameservers = addNameservers == null ? List.of() : List.copyOf(addNameservers);
        removeNameservers = removeNameservers == null ? List.of() : List.copyOf(removeNameservers);
        addContacts = addContacts == null ? Map.of() : Map.copyOf(addContacts);
        removeContacts = removeContacts == null ? Map.of() : Map.copyOf(removeContacts);
        addStatuses = addStatuses == null ? Set.of() : Set.copyOf(addStatuses);
        removeStatuses = removeStatuses == null ? Set.of() : Set.copyOf(removeStatuses);
        addDsRecords = addDsRecords == null ? List.of() : List.copyOf(addDsRecords);
        removeDsRecords = removeDsRecords == null ? List.of() : List.copyOf(removeDsRecords);
    }

    /** The change without an auto-renew choice. */
    public UpdateDomain(IdempotencyKey key, DomainName name, List<Nameserver> addNameservers,
                        List<Nameserver> removeNameservers, Map<ContactRole, ContactHandle> addContacts,
                        Map<ContactRole, ContactHandle> removeContacts, Set<String> addStatuses,
                        Set<String> removeStatuses, ContactHandle newRegistrant, String newAuthCode,
                        List<DsRecord> addDsRecords, List<DsRecord> removeDsRecords, Instant termsAcceptedAt) {
        this(key, name, addNameservers, removeNameservers, addContacts, removeContacts, addStatuses, removeStatuses,
                newRegistrant, newAuthCode, addDsRecords, removeDsRecords, termsAcceptedAt, null);
    }

    /** The change without DS records or terms acceptance. */
    public UpdateDomain(IdempotencyKey key, DomainName name, List<Nameserver> addNameservers,
                        List<Nameserver> removeNameservers, Map<ContactRole, ContactHandle> addContacts,
                        Map<ContactRole, ContactHandle> removeContacts, Set<String> addStatuses,
                        Set<String> removeStatuses, ContactHandle newRegistrant, String newAuthCode) {
        this(key, name, addNameservers, removeNameservers, addContacts, removeContacts, addStatuses, removeStatuses,
                newRegistrant, newAuthCode, null, null, null, null);
    }

    /** Adds and removes DS records. */
    public static UpdateDomain dsRecords(IdempotencyKey key, DomainName name, List<DsRecord> add,
                                         List<DsRecord> remove) {
        return new UpdateDomain(key, name, null, null, null, null, null, null, null, null, add, remove, null);
    }

    /** Changes the holder; {@code acceptedAt} is when the new holder accepted the registry's terms. */
    public static UpdateDomain registrant(IdempotencyKey key, DomainName name, ContactHandle registrant,
                                          Instant acceptedAt) {
        return new UpdateDomain(key, name, null, null, null, null, null, null, registrant, null, null, null,
                acceptedAt);
    }

    /**
     * Turns the registry's own renewal at expiry on or off, where the registry has the setting (.dk); others
     * ignore it.
     */
    public static UpdateDomain autoRenew(IdempotencyKey key, DomainName name, boolean renewAutomatically) {
        return new UpdateDomain(key, name, null, null, null, null, null, null, null, null, null, null, null,
                renewAutomatically);
    }

    /** Removes the auth code, where the registry allows it. */
    public static UpdateDomain clearAuthCode(IdempotencyKey key, DomainName name) {
        return authCode(key, name, "");
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
