package org.kontor.plugins.parking.sedo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.api.aftermarket.AftermarketOffer;
import org.kontor.api.aftermarket.AftermarketProvider;
import org.kontor.api.aftermarket.AftermarketQuery;
import org.kontor.api.domain.Tld;
import org.kontor.api.money.Money;
import org.kontor.testkit.aftermarket.AftermarketProviderConformance;

/** Sedo's listings as storefront offers, from the fixtures' search answers; it keeps the aftermarket contract. */
class SedoAftermarketTest extends AftermarketProviderConformance {

    private final SedoFixture f = new SedoFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    @Override
    protected AftermarketProvider provider() {
        return f.aftermarket();
    }

    @Override
    protected AftermarketQuery queryWithOffers() {
        return new AftermarketQuery("shop", List.of(Tld.of("com"), Tld.of("de")), 5);
    }

    @Test
    void listingsWithAPriceAreOfferedInTheirCurrencyWithSedosPage() {
        List<AftermarketOffer> offers = f.aftermarket().offers(queryWithOffers());

        assertThat(offers).extracting(offer -> offer.name().ascii())
                .containsExactly("shop.com", "shopping.de", "theshop.co.uk");
        assertThat(offers.get(0).price()).isEqualTo(Money.of("250000.00", "USD"));
        assertThat(offers.get(0).link()).isEqualTo(URI.create(
                "https://sedo.com/search/details/?domain=shop.com&partnerid=319844"));
        assertThat(offers.get(1).price()).isEqualTo(Money.of("4999.50", "EUR"));
        assertThat(offers.get(1).link().toString()).startsWith("https://sedo.com/search/details/?domain=shopping.de");
        assertThat(offers.get(2).price()).isEqualTo(Money.of("1200.00", "GBP"));
        assertThat(offers).allSatisfy(offer -> assertThat(offer.providerId()).isEqualTo("sedo"));
        assertThat(f.sedo.getAllServeEvents()).allSatisfy(event -> {
            assertThat(event.getRequest().queryParameter("tld").firstValue()).isEqualTo("com,de");
            assertThat(event.getRequest().queryParameter("username").isPresent()).isFalse();
        });
    }

    @Test
    void withoutCredentialsNothingIsAskedAndNothingOffered() {
        f.settings.remove(SedoSettings.SIGN_KEY);

        assertThat(f.aftermarket().offers(queryWithOffers())).isEmpty();
        assertThat(f.sedo.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRefusalOrNoConnectionFailsTheSearchSoTheHostLeavesSedoOut() {
        f.settings.put(SedoSettings.SIGN_KEY, "wrong-key");
        assertThatThrownBy(() -> f.aftermarket().offers(queryWithOffers())).hasMessageContaining("E0102")
                .hasMessageNotContaining("wrong-key");
        f.settings.put(SedoSettings.SIGN_KEY, SedoFixture.SIGN_KEY);
        f.down();
        assertThatThrownBy(() -> f.aftermarket().offers(queryWithOffers())).isInstanceOf(IllegalStateException.class);
    }
}
