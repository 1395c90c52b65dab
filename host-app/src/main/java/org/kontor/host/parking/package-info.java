/**
 * Parking of a customer's domain with a parking provider (TEC-4): {@link org.kontor.host.parking.DomainParking} points
 * the domain's nameservers at the chosen {@link org.kontor.api.parking.ParkingProvider} and tells the provider, and on
 * leaving tells the provider and puts the nameservers back. {@link org.kontor.host.parking.ParkingApi} is its JSON API
 * at {@code /api/v1/domains/{name}/parking}, {@link org.kontor.host.parking.ParkingPages} its page at
 * {@code /account/domains/{name}/parking}.
 */
package org.kontor.host.parking;
