package org.kontor.host.parking;

/** Where a domain's parking stands; see the table {@code domain_parking}. */
public enum ParkingState {
    /** The nameservers are being switched at the registry, the provider not yet told. */
    SWITCHING,
    /** The provider took the domain; its nameservers are the domain's. */
    PARKED,
    /** The provider has not confirmed (it answered later, or not in time); the nameservers are already its own. */
    PENDING,
    /** Parking ended; the nameservers are back. */
    LEFT,
    /** The provider refused the domain; the nameservers were switched back. */
    REFUSED;

    /** Whether the domain's nameservers are the provider's now (or being made so). */
    public boolean parked() {
        return this == SWITCHING || this == PARKED || this == PENDING;
    }
}
