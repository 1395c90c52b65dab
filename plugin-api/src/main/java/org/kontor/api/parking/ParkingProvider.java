package org.kontor.api.parking;

import java.util.List;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Nameserver;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.pf4j.ExtensionPoint;

/**
 * A parking provider (Sedo, NameDrive, a nameserver-based parking page). A customer chooses one per
 * domain; the host points the domain at {@link #nameservers()} and tells the provider with {@link #park}.
 */
public interface ParkingProvider extends ExtensionPoint {

    /** A stable id, e.g. {@code sedo}. */
    String providerId();

    /** The name shown to customers when they choose. */
    String displayName();

    /** The nameservers a parked domain must use. */
    List<Nameserver> nameservers();

    /** Adds the domain to the provider's parking account. */
    Outcome<Void> park(IdempotencyKey key, DomainName domain);

    /** Removes the domain from the provider's parking account. */
    Outcome<Void> unpark(IdempotencyKey key, DomainName domain);
}
