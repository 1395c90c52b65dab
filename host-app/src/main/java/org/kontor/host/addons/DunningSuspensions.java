package org.kontor.host.addons;

import java.util.ArrayList;
import java.util.List;
import org.kontor.api.event.DunningEscalated;
import org.kontor.api.event.EventListener;
import org.kontor.api.event.EventMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An invoice reached the last dunning level: every ACTIVE add-on service of its customer is suspended, recorded as
 * {@code dunning:<invoice id>}. All of them, not only those the invoice bills: add-on services are renewed on the
 * customer's invoices as a whole, so an unpaid escalated invoice stands for the customer's account. A repeated event
 * finds them suspended already and changes nothing. A service with another operation under way (a change of plan) is
 * suspended when the event is delivered again: the listener fails for it, and the host delivers failed events again.
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
        String why = "dunning:" + event.invoiceId();
        List<String> busy = new ArrayList<>();
        for (AddonService service : operations.store().ofCustomer(event.customerId())) {
            if (service.state() != ServiceState.ACTIVE || operations.suspensionUnderWay(service.id(), why)) {
                continue;
            }
            try {
                operations.suspend(service.id(), why);
            } catch (ServiceBusyException e) {
                busy.add(service.id());
            } catch (IllegalStateException e) {
                LOG.info("Service {} was not suspended for invoice {}: {}", service.id(), event.invoiceNumber(),
                        e.getMessage());
            }
        }
        if (!busy.isEmpty()) {
            throw new ServiceBusyException(String.join(", ", busy));
        }
    }

}
