package org.kontor.testkit.aftermarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kontor.api.aftermarket.AftermarketOffer;
import org.kontor.api.aftermarket.AftermarketProvider;
import org.kontor.api.aftermarket.AftermarketQuery;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Tld;

/**
 * What the host relies on from every {@link AftermarketProvider}. A plugin's test extends this class and says how to
 * make its provider and which search it has offers for:
 *
 * <pre>{@code
 * class MyMarketTest extends AftermarketProviderConformance {
 *     protected AftermarketProvider provider() { return new MyMarket(TestPluginContext.of(...)); }
 *     protected AftermarketQuery queryWithOffers() { return new AftermarketQuery("coffee", List.of(Tld.of("com")), 5); }
 * }
 * }</pre>
 *
 * The host asks providers during a customer's search with a time limit of {@link #TIME_LIMIT} or so; a provider that
 * answers later is left out, so answering in time is part of the contract.
 */
public abstract class AftermarketProviderConformance {

    /** The longest a provider may take to answer a search. */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(2);

    /** A new provider, as the plugin's extension would be made. */
    protected abstract AftermarketProvider provider();

    /** A search the provider has at least two offers for. */
    protected abstract AftermarketQuery queryWithOffers();

    /** A search the provider has no offers for; by default a long random-looking label. */
    protected AftermarketQuery queryWithoutOffers() {
        return new AftermarketQuery("qzxv" + Long.toString(System.nanoTime(), 36) + "nooffers",
                List.of(Tld.of("com")), 5);
    }

    @Test
    void hasAStableIdAndADisplayName() {
        AftermarketProvider provider = provider();

        assertThat(provider.providerId()).as("providerId").isNotBlank().matches("[a-z0-9][a-z0-9-]{0,62}");
        assertThat(provider.providerId()).as("the id does not change").isEqualTo(provider.providerId())
                .isEqualTo(provider().providerId());
        assertThat(provider.displayName()).as("displayName").isNotBlank();
    }

    @Test
    void offersNamesLikeTheSearchedOneEachWithTheProvidersIdAPositivePriceAndAWebLink() {
        AftermarketProvider provider = provider();
        AftermarketQuery query = queryWithOffers();

        List<AftermarketOffer> offers = provider.offers(query);

        assertThat(offers).as("offers for " + query).isNotNull().hasSizeGreaterThanOrEqualTo(2)
                .hasSizeLessThanOrEqualTo(query.limit());
        Set<DomainName> names = new HashSet<>();
        for (AftermarketOffer offer : offers) {
            assertThat(offer.providerId()).isEqualTo(provider.providerId());
            assertThat(offer.price().amount().signum()).as("price of " + offer.name()).isPositive();
            assertThat(offer.link().isAbsolute()).as("link of " + offer.name()).isTrue();
            assertThat(offer.link().getScheme()).isIn("https", "http");
            assertThat(names.add(offer.name())).as("offered once: " + offer.name()).isTrue();
        }
    }

    @Test
    void neverOffersMoreThanTheLimit() {
        AftermarketQuery query = queryWithOffers();

        List<AftermarketOffer> one = provider().offers(new AftermarketQuery(query.label(), query.tlds(), 1));

        assertThat(one).hasSize(1);
    }

    @Test
    void aSearchWithoutOffersIsAnEmptyListNotAFailure() {
        AftermarketQuery query = queryWithoutOffers();

        assertThatCode(() -> assertThat(provider().offers(query)).isNotNull().isEmpty()).doesNotThrowAnyException();
    }

    @Test
    void answersWithinTheHostsTimeLimit() {
        AftermarketProvider provider = provider();
        AftermarketQuery query = queryWithOffers();

        long start = System.nanoTime();
        provider.offers(query);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("one search").isLessThan(TIME_LIMIT);
    }
}
