package org.kontor.host.addons;

import org.kontor.api.event.DunningEscalated;
import org.kontor.api.event.EventListener;
import org.kontor.api.event.EventMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An invoice reached the last dunning level: every ACTIVE add-on service of its customer is suspended, recorded as
 * {@code dunning:<invoice id>}. All of them, not only those the invoice bills: add-on services are renewed on the
 * customer's invoices as a whole, so an unpaid escalated invoice stands for the customer's account. A repeated event
 * finds them suspended already and changes nothing.
 */
public final class DunningSuspensions implements EventListener<DunningEscalated> {

    private static final Logger LOG = LoggerFactory.getLogger(DunningSuspensions.class);

    private final ServiceOperations operations;

    public DunningSuspensions(ServiceOperations operations) {
        this.operations = operations;
    }

    @Override
    public Class<DunningEscalated> eventType() {
        return DunningEscalated.class;
    }

    @Override
    public void on(DunningEscalated event, EventMetadata metadata) {
        for (AddonService service : operations.store().ofCustomer(event.customerId())) {
            if (service.state() != ServiceState.ACTIVE) {
                continue;
            }
            try {
                operations.suspend(service.id(), "dunning:" + event.invoiceId());
            } catch (IllegalStateException e) {
                LOG.info("Service {} was not suspended for invoice {}: {}", service.id(), event.invoiceNumber(),
                        e.getMessage());
            }
        }
    }
}
