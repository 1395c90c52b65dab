package org.kontor.host.billing.prepaid;

import org.kontor.api.event.EventListener;
import org.kontor.api.event.EventMetadata;
import org.kontor.api.event.PrepaidMonthClosed;

/** A closed month of a prepaid account: recorded, and settled by the next settlement run once its draws are in. */
public final class MonthClosedListener implements EventListener<PrepaidMonthClosed> {

    private final Settlements settlements;

    public MonthClosedListener(Settlements settlements) {
        this.settlements = settlements;
    }

    @Override
    public Class<PrepaidMonthClosed> eventType() {
        return PrepaidMonthClosed.class;
    }

    @Override
    public void on(PrepaidMonthClosed event, EventMetadata metadata) {
        settlements.closed(event);
    }
}
