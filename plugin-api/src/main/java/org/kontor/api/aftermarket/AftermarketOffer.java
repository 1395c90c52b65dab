package org.kontor.api.aftermarket;

import java.net.URI;
import java.util.Objects;
import org.kontor.api.domain.DomainName;
import org.kontor.api.money.Money;

/**
 * A registered domain for sale on the secondary market.
 *
 * @param name       the domain offered
 * @param price      the asking price, in the provider's currency
 * @param link       where the customer buys it (the provider's page)
 * @param providerId the {@link AftermarketProvider#providerId()} of the provider offering it
 * @since 1.2.0
 */
public record AftermarketOffer(DomainName name, Money price, URI link, String providerId) {

    public AftermarketOffer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(providerId, "providerId");
        if (!"https".equalsIgnoreCase(link.getScheme()) && !"http".equalsIgnoreCase(link.getScheme())) {
            throw new IllegalArgumentException("an offer links to a web page: " + link);
        }
    }
}
