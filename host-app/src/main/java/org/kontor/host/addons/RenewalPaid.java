package org.kontor.host.addons;

import org.kontor.api.event.EventListener;
import org.kontor.api.event.EventMetadata;
import org.kontor.api.event.PaymentSucceeded;

/** A payment on an invoice: if it paid a renewal invoice in full, the service it renews runs on. */
public final class RenewalPaid implements EventListener<PaymentSucceeded> {

    private final AddonRenewals renewals;

    public RenewalPaid(AddonRenewals renewals) {
        this.renewals = renewals;
    }

    @Override
    public Class<PaymentSucceeded> eventType() {
        return PaymentSucceeded.class;
    }

    @Override
    public void on(PaymentSucceeded event, EventMetadata metadata) {
        if (event.invoiceId() != null) {
            renewals.paid(event.invoiceId());
        }
    }
}
