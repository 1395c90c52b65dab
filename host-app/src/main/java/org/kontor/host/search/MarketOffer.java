package org.kontor.host.search;

import java.util.Objects;
import org.kontor.api.aftermarket.AftermarketOffer;

/** An aftermarket offer with the name of the provider it came from, as the search shows it. */
public record MarketOffer(AftermarketOffer offer, String providerName) {

    public MarketOffer {
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(providerName, "providerName");
    }
}
