package org.kontor.host.billing.delivery;

import org.kontor.api.event.EventListener;
import org.kontor.api.event.EventMetadata;
import org.kontor.api.event.InvoiceIssued;

/**
 * Sends every document as soon as it is issued, whatever issued it (an order, an operator, a cancellation, a prepaid
 * top-up or month): the issuing transaction publishes {@link InvoiceIssued}, and the host delivers the event after it
 * commits, retrying a failure. Sending twice is harmless; the delivery job also sends what this missed.
 */
public final class DeliverWhenIssued implements EventListener<InvoiceIssued> {

    private final InvoiceDeliveries deliveries;

    public DeliverWhenIssued(InvoiceDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public Class<InvoiceIssued> eventType() {
        return InvoiceIssued.class;
    }

    @Override
    public void on(InvoiceIssued event, EventMetadata metadata) {
        deliveries.deliver(event.invoiceId());
    }
}
