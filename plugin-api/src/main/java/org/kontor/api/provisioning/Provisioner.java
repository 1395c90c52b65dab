package org.kontor.api.provisioning;

import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.pf4j.ExtensionPoint;

/**
 * Sets up and manages add-on services at a third party. The operator names a provisioner and a plan for each add-on
 * product. The host calls outside any database transaction, records the outcome, and sends the same key again when
 * the outcome was UNDEFINED; a provisioner must treat a repeated key as the same request.
 */
public interface Provisioner extends ExtensionPoint {

    /** A stable id, e.g. {@code provisioning-webhook}. */
    String provisionerId();

    /** Sets the service up; PENDING when the third party confirms later (then {@link #status} tells). */
    Outcome<ProvisionedService> create(CreateService request);

    /** Stops the service without deleting it (unpaid invoices). */
    Outcome<Void> suspend(ServiceAction request);

    /** Starts a suspended service again. */
    Outcome<Void> unsuspend(ServiceAction request);

    /** Ends the service for good. */
    Outcome<Void> terminate(ServiceAction request);

    /** Moves the service to another plan of the same provisioner. */
    Outcome<Void> changePlan(ChangePlan request);

    /**
     * Where an earlier call under this key stands: PROCESSED (with the service for a create), PENDING, ERROR when it
     * was refused, CANCELED when it is unknown to the third party (the host may send it again), UNDEFINED when it
     * cannot be told now.
     */
    default Outcome<ProvisionedService> status(IdempotencyKey key) {
        return Outcome.undefined("this provisioner cannot be asked about earlier calls");
    }
}
