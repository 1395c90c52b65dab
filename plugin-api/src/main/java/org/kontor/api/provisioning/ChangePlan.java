package org.kontor.api.provisioning;

import java.util.Objects;
import org.kontor.api.outcome.IdempotencyKey;

/** A move of a service from one plan to another. */
public record ChangePlan(IdempotencyKey key, String serviceId, String remoteReference, String fromPlan, String toPlan) {

    public ChangePlan {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(toPlan, "toPlan");
    }
}
