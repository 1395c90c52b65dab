package org.kontor.host.plugins;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.api.payment.PaymentNotifications;

/**
 * Hands each plugin its {@link PaymentNotifications}. Plugins start before the payment core exists, so the core is
 * bound afterwards; a report before that is refused.
 */
public final class PluginPaymentNotifications {

    private final AtomicReference<Function<String, PaymentNotifications>> core = new AtomicReference<>();

    /** Binds the payment core: what takes the reports of a plugin, by plugin id. */
    public void bind(Function<String, PaymentNotifications> ofPlugin) {
        core.set(Objects.requireNonNull(ofPlugin));
    }

    PaymentNotifications of(String pluginId) {
        return new PaymentNotifications() {
            @Override
            public void report(String gatewayId, List<PaymentNotification> notifications) {
                Function<String, PaymentNotifications> bound = core.get();
                if (bound == null) {
                    throw new IllegalStateException("the host's payment core is not running yet");
                }
                bound.apply(pluginId).report(gatewayId, notifications);
            }
        };
    }
}
