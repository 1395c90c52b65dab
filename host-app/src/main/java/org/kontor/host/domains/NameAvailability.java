package org.kontor.host.domains;

import java.util.Objects;
import org.kontor.api.domain.DomainName;

/**
 * What a search found out about one name.
 *
 * @param reason the registry's reason when taken; why the answer is unknown when unknown; null when available
 */
public record NameAvailability(DomainName name, Status status, String reason) {

    /** Whether the name can be registered, as far as the search could tell. */
    public enum Status {
        AVAILABLE, TAKEN, UNKNOWN
    }

    public NameAvailability {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }

    static NameAvailability available(DomainName name) {
        return new NameAvailability(name, Status.AVAILABLE, null);
    }

    static NameAvailability taken(DomainName name, String reason) {
        return new NameAvailability(name, Status.TAKEN, reason);
    }

    static NameAvailability unknown(DomainName name, String reason) {
        return new NameAvailability(name, Status.UNKNOWN, reason);
    }
}
