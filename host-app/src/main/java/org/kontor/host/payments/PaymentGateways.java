package org.kontor.host.payments;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.kontor.api.payment.PaymentGateway;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;

/** The running payment gateways, looked up on each call: a plugin may be enabled or disabled at any time. */
public final class PaymentGateways {

    private final Extensions extensions;

    public PaymentGateways(Extensions extensions) {
        this.extensions = extensions;
    }

    public Optional<PaymentGateway> byId(String gatewayId) {
        return extensions.of(PaymentGateway.class).stream().map(Contribution::extension)
                .filter(gateway -> gateway.gatewayId().equals(gatewayId)).findFirst();
    }

    /** Every running gateway. */
    public List<PaymentGateway> all() {
        return extensions.of(PaymentGateway.class).stream().map(Contribution::extension).toList();
    }

    /** The gateways a plugin contributes (a webhook names the plugin). */
    public List<PaymentGateway> ofPlugin(String pluginId) {
        return extensions.of(PaymentGateway.class).stream().filter(c -> c.pluginId().equals(pluginId))
                .map(Contribution::extension).toList();
    }

    /** The ids of the plugins that contribute a gateway. */
    public Set<String> pluginIds() {
        Set<String> ids = new TreeSet<>();
        extensions.of(PaymentGateway.class).forEach(c -> ids.add(c.pluginId()));
        return ids;
    }
}
