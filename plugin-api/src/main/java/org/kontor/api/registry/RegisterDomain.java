package org.kontor.api.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kontor.api.contact.ContactRole;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Nameserver;
import org.kontor.api.domain.Period;
import org.kontor.api.outcome.IdempotencyKey;

/**
 * Registers a domain.
 *
 * @param registrant the registry handle of the holder
 * @param contacts   handles for other roles; a registry fills in what it requires itself
 * @param authCode   the auth code to set, or null to let the registry choose
 * @param launch     launch phase data, or null in general availability
 * @param dsRecords  DS records to publish where the registry supports DNSSEC; empty for an unsigned domain
 * @param allocationToken an allocation token (RFC 8495) the registry issued for this name, or null
 * @param termsAcceptedAt when the holder accepted the registry's terms and conditions, or null where unknown;
 *                   registries that require proof of it (the .dk registry's order confirmation token) need it
 * @param autoRenew  whether the registry is to renew the domain by itself at expiry (the .dk registry's
 *                   {@code dkhm:autoRenew}), or null for the registry's default (the registrar account's setting).
 *                   Generic EPP (RFC 5731) has no such element: registries without one ignore it
 */
public record RegisterDomain(
        IdempotencyKey key,
        DomainName name,
        Period period,
        ContactHandle registrant,
        Map<ContactRole, ContactHandle> contacts,
        List<Nameserver> nameservers,
        String authCode,
        LaunchData launch,
        List<DsRecord> dsRecords,
        String allocationToken,
        Instant termsAcceptedAt,
        Boolean autoRenew) {

    public RegisterDomain {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(registrant, "registrant");
        contacts = contacts == null ? Map.of() : Map.copyOf(contacts);
        nameservers = nameservers == null ? List.of() : List.copyOf(nameservers);
        dsRecords = dsRecords == null ? List.of() : List.copyOf(dsRecords);
        allocationToken = allocationToken == null || allocationToken.isBlank() ? null : allocationToken.strip();
    }

    /** The command without an auto-renew choice: the registry's default applies. */
    public RegisterDomain(IdempotencyKey key, DomainName name, Period period, ContactHandle registrant,
                          Map<ContactRole, ContactHandle> contacts, List<Nameserver> nameservers, String authCode,
                          LaunchData launch, List<DsRecord> dsRecords, String allocationToken,
                          Instant termsAcceptedAt) {
        this(key, name, period, registrant, contacts, nameservers, authCode, launch, dsRecords, allocationToken,
                termsAcceptedAt, null);
    }

    /** The command without DS records, allocation token or terms acceptance. */
    public RegisterDomain(IdempotencyKey key, DomainName name, Period period, ContactHandle registrant,
                          Map<ContactRole, ContactHandle> contacts, List<Nameserver> nameservers, String authCode,
                          LaunchData launch) {
        this(key, name, period, registrant, contacts, nameservers, authCode, launch, null, null, null, null);
    }

    public RegisterDomain withDsRecords(List<DsRecord> records) {
        return new RegisterDomain(key, name, period, registrant, contacts, nameservers, authCode, launch, records,
                allocationToken, termsAcceptedAt, autoRenew);
    }

    public RegisterDomain withAllocationToken(String token) {
        return new RegisterDomain(key, name, period, registrant, contacts, nameservers, authCode, launch, dsRecords,
                token, termsAcceptedAt, autoRenew);
    }

    public RegisterDomain withTermsAcceptedAt(Instant acceptedAt) {
        return new RegisterDomain(key, name, period, registrant, contacts, nameservers, authCode, launch, dsRecords,
                allocationToken, acceptedAt, autoRenew);
    }

    /** The command with an auto-renew choice; null leaves it to the registry's default. */
    public RegisterDomain withAutoRenew(Boolean renewAutomatically) {
        return new RegisterDomain(key, name, period, registrant, contacts, nameservers, authCode, launch, dsRecords,
                allocationToken, termsAcceptedAt, renewAutomatically);
    }

    public RegisterDomain withLaunch(LaunchData launchData) {
        return new RegisterDomain(key, name, period, registrant, contacts, nameservers, authCode, launchData,
                dsRecords, allocationToken, termsAcceptedAt, autoRenew);
    }

    public RegisterDomain withContacts(Map<ContactRole, ContactHandle> roles) {
        return new RegisterDomain(key, name, period, registrant, roles, nameservers, authCode, launch, dsRecords,
                allocationToken, termsAcceptedAt, autoRenew);
    }

    public static RegisterDomain of(IdempotencyKey key, DomainName name, Period period, ContactHandle registrant,
                                    List<Nameserver> nameservers) {
        return new RegisterDomain(key, name, period, registrant, Map.of(), nameservers, null, null);
    }
}
