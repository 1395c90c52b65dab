package org.kontor.api.registry;

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
 */
public record RegisterDomain(
        IdempotencyKey key,
        DomainName name,
        Period period,
        ContactHandle registrant,
        Map<ContactRole, ContactHandle> contacts,
        List<Nameserver> nameservers,
        String authCode,
        LaunchData launch) {

    public RegisterDomain {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(registrant, "registrant");
        contacts = contacts == null ? Map.of() : Map.copyOf(contacts);
        nameservers = nameservers == null ? List.of() : List.copyOf(nameservers);
    }

    public static RegisterDomain of(IdempotencyKey key, DomainName name, Period period, ContactHandle registrant,
                                    List<Nameserver> nameservers) {
        return new RegisterDomain(key, name, period, registrant, Map.of(), nameservers, null, null);
    }
}
