package org.kontor.host.addons;

import java.util.ArrayList;
import java.util.List;
import org.kontor.api.event.EventListener;
import org.kontor.api.event.EventMetadata;
import org.kontor.api.event.PaymentSucceeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A payment was booked on an invoice and nothing is left to pay on it: the customer's services suspended for dunning
 * on that invoice ({@code dunning:<invoice id>}) are started again — unless another of the customer's invoices at the
 * last dunning level is still unpaid, when they stay suspended, now for that invoice. Services suspended by staff stay
 * suspended.
 */
public final class PaidUnsuspensions implements EventListener<PaymentSucceeded> {

    private static final Logger LOG = LoggerFactory.getLogger(PaidUnsuspensions.class);

    private final ServiceOperations operations;
    private final java.util.function.Predicate<String> settled;
    private final java.util.function.Function<String, java.util.List<String>> escalatedUnpaid;

    /**
     * @param settled         whether nothing is left to pay on an invoice, by invoice id
     * @param escalatedUnpaid a customer's unpaid invoices at the last dunning level, by customer id
     */
    public PaidUnsuspensions(ServiceOperations operations, java.util.function.Predicate<String> settled,
                             java.util.function.Function<String, java.util.List<String>> escalatedUnpaid) {
        this.operations = operations;
        this.settled = settled;
        this.escalatedUnpaid = escalatedUnpaid;
    }

    @Override
    public Class<PaymentSucceeded> eventType() {
        return PaymentSucceeded.class;
    }

    @Override
    public void on(PaymentSucceeded event, EventMetadata metadata) {
        if (event.invoiceId() == null || event.customerId() == null || !settled.test(event.invoiceId())) {
            return;
        }
        String why = "dunning:" + event.invoiceId();
        java.util.Optional<String> stillUnpaid = escalatedUnpaid.apply(event.customerId()).stream()
                .filter(invoiceId -> !invoiceId.equals(event.invoiceId())).findFirst();
        List<String> busy = new ArrayList<>();
        for (AddonService service : operations.store().ofCustomer(event.customerId())) {
            if (service.state() == ServiceState.ACTIVE && operations.suspensionUnderWay(service.id(), why)) {
                busy.add(service.id()); // started again once the suspension has gone through
                continue;
            }
            if (service.state() != ServiceState.SUSPENDED || !why.equals(service.suspendedFor())) {
                continue;
            }
            if (stillUnpaid.isPresent()) {
                operations.store().jdbi().useHandle(h -> operations.store().setSuspendedFor(h, service.id(),
                        "dunning:" + stillUnpaid.get()));
                continue;
            }
            try {
                operations.unsuspend(service.id(), "paid");
            } catch (ServiceBusyException e) {
                busy.add(service.id());
            } catch (IllegalStateException e) {
                LOG.info("Service {} was not started again after invoice {} was paid: {}", service.id(),
                        event.invoiceId(), e.getMessage());
            }
        }
        if (!busy.isEmpty()) {
            throw new ServiceBusyException(String.join(", ", busy)); // the host delivers the event again
        }
    }
}
