package org.kontor.plugins.googleanalytics;

import org.kontor.api.PluginContext;
import org.kontor.api.event.EventListener;
import org.kontor.api.event.EventMetadata;
import org.kontor.api.event.OrderCheckedOut;
import org.pf4j.Extension;

/**
 * Sends a GA4 {@code purchase} for every checked-out order of a customer who consented to analytics, through the
 * Measurement Protocol. Orders without consent (and all orders from the JSON API) are not sent. It runs after the
 * order committed: GA4 down or refusing never touches the order; the host delivers the event again later.
 */
@Extension
public class GooglePurchaseTracking implements EventListener<OrderCheckedOut> {

    private final PluginContext context;

    public GooglePurchaseTracking(PluginContext context) {
        this.context = context;
    }

    @Override
    public Class<OrderCheckedOut> eventType() {
        return OrderCheckedOut.class;
    }

    @Override
    public void on(OrderCheckedOut event, EventMetadata metadata) throws Exception {
        GoogleConfig config = GoogleConfig.of(context.settings());
        if (!config.sendsPurchases() || !event.trackingAllowed()) {
            context.logger().debug("Order {} is not sent to GA4: {}", event.orderId(),
                    config.sendsPurchases() ? "no consent" : "no measurement id or API secret");
            return;
        }
        MeasurementProtocol protocol = new MeasurementProtocol(context.httpClient());
        protocol.send(config, protocol.purchase(event));
        context.logger().info("Order {} sent to GA4 as a purchase", event.orderId());
    }
}
