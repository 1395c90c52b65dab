package org.kontor.host.orders;

import java.util.Currency;
import java.util.Optional;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;
import org.kontor.host.addons.AddonCatalog;
import org.kontor.host.addons.AddonPrice;
import org.kontor.host.domains.DomainPrices;

/** The price of a cart item: a domain's price per year from the catalog, an add-on's price per its period. */
final class OrderPricing {

    private final DomainPrices domainPrices;
    private final AddonCatalog addons;

    OrderPricing(DomainPrices domainPrices, AddonCatalog addons) {
        this.domainPrices = domainPrices;
        this.addons = addons;
    }

    Optional<Money> price(CartItem item, Currency currency) {
        if (item.kind() == ItemKind.ADDON) {
            return addons.price(item.productId(), currency).map(price -> addonPrice(price, item.periodMonths()));
        }
        ChargeKind kind = item.kind().domainChargeKind();
        return domainPrices.price(item.domain().tld(), kind, currency)
                .map(perYear -> perYear.times(Math.max(1, item.periodMonths() / 12)));
    }

    ChargeKind chargeKind(CartItem item) {
        if (item.kind() == ItemKind.ADDON) {
            return addons.find(item.productId()).map(p -> p.kind()).orElse(ChargeKind.OTHER);
        }
        return item.kind().domainChargeKind();
    }

    private static Money addonPrice(AddonPrice price, int months) {
        int periods = Math.max(1, months / price.periodMonths());
        return price.amount().times(periods);
    }
}
