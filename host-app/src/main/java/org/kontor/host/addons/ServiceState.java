package org.kontor.host.addons;

/**
 * Where a booked add-on service stands: PENDING while the provisioner sets it up, ACTIVE, SUSPENDED (unpaid invoices or
 * by staff), TERMINATED for good, FAILED when it could not be set up (its order line's money was released).
 */
public enum ServiceState {
    PENDING, ACTIVE, SUSPENDED, TERMINATED, FAILED
}
