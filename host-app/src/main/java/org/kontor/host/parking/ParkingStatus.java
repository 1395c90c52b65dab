package org.kontor.host.parking;

import java.util.List;
import java.util.Optional;
import org.kontor.host.domains.management.DomainDetails;

/**
 * A domain's parking as its page and the API show it.
 *
 * @param domain    the domain with what its registry says now
 * @param parking   the last parking choice made for it, if any
 * @param providers the parking providers running now, by name
 */
public record ParkingStatus(DomainDetails domain, Optional<Parking> parking, List<ProviderChoice> providers) {

    /** Whether the domain is parked now (or being parked). */
    public boolean parked() {
        return parking.map(p -> p.state().parked()).orElse(false);
    }

    /** The name of the provider the domain is (or was last) parked with. */
    public String providerName() {
        return parking.map(p -> providers.stream().filter(choice -> choice.id().equals(p.providerId()))
                .map(ProviderChoice::name).findFirst().orElse(p.providerId())).orElse("");
    }
}
