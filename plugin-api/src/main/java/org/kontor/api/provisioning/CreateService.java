package org.kontor.api.provisioning;

import java.util.Objects;
import org.kontor.api.domain.DomainName;
import org.kontor.api.outcome.IdempotencyKey;

/**
 * A service to set up.
 *
 * @param serviceId    the host's id of the service, stable for its whole life
 * @param productId    the add-on product sold
 * @param plan         the provisioner's plan the operator named for the product
 * @param domain       the domain the service is for, or null
 * @param periodMonths the period paid for
 * @param owner        who the service is for
 */
public record CreateService(IdempotencyKey key, String serviceId, String productId, String plan, DomainName domain,
                            int periodMonths, ServiceOwner owner) {

    public CreateService {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(owner, "owner");
    }
}
