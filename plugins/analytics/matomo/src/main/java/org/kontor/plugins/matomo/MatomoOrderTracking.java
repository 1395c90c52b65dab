package org.kontor.plugins.matomo;

import org.kontor.api.PluginContext;
import org.kontor.api.event.EventListener;
import org.kontor.api.event.EventMetadata;
import org.kontor.api.event.OrderCheckedOut;
import org.pf4j.Extension;

/**
 * Tracks every checked-out order in Matomo from the server (e-commerce order, goal 0), so that revenue is counted
 * even when the browser blocks the tracker. Like the page tracking, only for a customer who consented, or in
 * cookieless mode — then without a visitor id. It runs after the order committed: a Matomo that is down or refuses
 * it never touches the order; the host delivers the event again later.
 */
@Extension
public class MatomoOrderTracking implements EventListener<OrderCheckedOut> {

    private final PluginContext context;

    public MatomoOrderTracking(PluginContext context) {
        this.context = context;
    }

    @Override
    public Class<OrderCheckedOut> eventType() {
        return OrderCheckedOut.class;
    }

    @Override
    public void on(OrderCheckedOut event, EventMetadata metadata) throws Exception {
        MatomoConfig config = MatomoConfig.of(context.settings());
        if (!config.mayTrack(event.trackingAllowed())) {
            context.logger().debug("Order {} is not tracked in Matomo: {}", event.orderId(),
                    config.configured() ? "no consent and cookies are on" : "Matomo is not configured");
            return;
        }
        new MatomoTracking(context.httpClient()).trackOrder(config, event);
        context.logger().info("Order {} tracked in Matomo website {}", event.orderId(), config.siteId().orElseThrow());
    }
}
