package org.kontor.api.provisioning;

import java.util.Objects;
import org.kontor.api.outcome.IdempotencyKey;

/**
 * A suspension, unsuspension or termination of a service.
 *
 * @param remoteReference the third party's id for the service, as the create answered
 * @param reason          why, e.g. {@code dunning}, {@code cancelled}, {@code paid}
 */
public record ServiceAction(IdempotencyKey key, String serviceId, String remoteReference, String reason) {

    public ServiceAction {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(serviceId, "serviceId");
    }
}
