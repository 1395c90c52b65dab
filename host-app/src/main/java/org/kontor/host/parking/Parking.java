package org.kontor.host.parking;

import java.time.Instant;
import java.util.List;

/**
 * A domain's parking, as the table {@code domain_parking} keeps it.
 *
 * @param previousNameservers the host names the domain had before it was parked (A-labels), possibly none
 * @param operationKey        the idempotency key of the current park or leave operation; each step adds its suffix
 * @param message             what the provider said last (a refusal's reason), or null
 * @param parkedAt            when the provider took the domain, or null
 * @param leftAt              when parking ended, or null
 */
public record Parking(String domain, String customerId, String providerId, List<String> previousNameservers,
                      ParkingState state, String operationKey, String message, Instant parkedAt, Instant leftAt,
                      Instant updatedAt) {

    public Parking {
        previousNameservers = List.copyOf(previousNameservers);
    }
}
