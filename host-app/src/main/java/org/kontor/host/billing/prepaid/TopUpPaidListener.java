package org.kontor.host.billing.prepaid;

import org.kontor.api.event.EventListener;
import org.kontor.api.event.EventMetadata;
import org.kontor.api.event.PrepaidTopUpPaid;

/** A paid top-up: its advance tax document (at once, or by the job after the configured delay). */
public final class TopUpPaidListener implements EventListener<PrepaidTopUpPaid> {

    private final AdvanceDocuments advances;

    public TopUpPaidListener(AdvanceDocuments advances) {
        this.advances = advances;
    }

    @Override
    public Class<PrepaidTopUpPaid> eventType() {
        return PrepaidTopUpPaid.class;
    }

    @Override
    public void on(PrepaidTopUpPaid event, EventMetadata metadata) {
        advances.paid(event);
    }
}
