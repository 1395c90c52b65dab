package org.kontor.host.billing.prepaid;

import org.kontor.api.event.EventListener;
import org.kontor.api.event.EventMetadata;
import org.kontor.api.event.PrepaidCharged;

/** A draw from a prepaid account: recorded for the month's settlement. */
public final class ChargedListener implements EventListener<PrepaidCharged> {

    private final PrepaidDraws draws;

    public ChargedListener(PrepaidDraws draws) {
        this.draws = draws;
    }

    @Override
    public Class<PrepaidCharged> eventType() {
        return PrepaidCharged.class;
    }

    @Override
    public void on(PrepaidCharged event, EventMetadata metadata) {
        draws.record(event);
    }
}
