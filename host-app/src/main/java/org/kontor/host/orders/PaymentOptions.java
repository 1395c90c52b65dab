package org.kontor.host.orders;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.funding.FundingSource;
import org.kontor.api.payment.PaymentGateway;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;

/**
 * How an order can be paid: from a funding source that covers it (a reseller's prepaid account pays orders of
 * domain services only, PA-8), or through each running payment gateway that takes the currency.
 */
public final class PaymentOptions {

    private final Extensions extensions;

    public PaymentOptions(Extensions extensions) {
        this.extensions = extensions;
    }

    /** A way to pay; {@code funding} is true for a funding source (paid at once), false for a gateway. */
    public record Option(String id, boolean funding) {
    }

    public List<Option> options(String customerId, Collection<ChargeKind> kinds, Currency currency) {
        List<Option> options = new ArrayList<>();
        if (customerId != null && !kinds.isEmpty()) {
            for (Contribution<FundingSource> source : extensions.of(FundingSource.class)) {
                if (coversSafely(source.extension(), customerId, kinds, currency)) {
                    options.add(new Option(source.extension().sourceId(), true));
                }
            }
        }
        for (Contribution<PaymentGateway> gateway : extensions.of(PaymentGateway.class)) {
            if (gateway.extension().supports(currency)) {
                options.add(new Option(gateway.extension().gatewayId(), false));
            }
        }
        return options;
    }

    public java.util.Optional<FundingSource> fundingSource(String id) {
        return extensions.of(FundingSource.class).stream().map(Contribution::extension)
                .filter(source -> source.sourceId().equals(id)).findFirst();
    }

    private static boolean coversSafely(FundingSource source, String customerId, Collection<ChargeKind> kinds,
                                        Currency currency) {
        try {
            return source.covers(customerId, kinds, currency);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
