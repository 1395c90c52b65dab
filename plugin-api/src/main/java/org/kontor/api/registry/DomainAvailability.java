package org.kontor.api.registry;

import java.util.Objects;
import org.kontor.api.domain.DomainName;

/**
 * One name's answer from a check: available or not, with the registry's reason when it is not.
 */
public record DomainAvailability(DomainName name, boolean available, String reason) {

    public DomainAvailability {
        Objects.requireNonNull(name, "name");
    }

    public static DomainAvailability available(DomainName name) {
        return new DomainAvailability(name, true, null);
    }

    public static DomainAvailability taken(DomainName name, String reason) {
        return new DomainAvailability(name, false, reason);
    }
}
