package org.kontor.plugins.aftermarketdemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kontor.api.aftermarket.AftermarketOffer;
import org.kontor.api.aftermarket.AftermarketProvider;
import org.kontor.api.aftermarket.AftermarketQuery;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Tld;
import org.kontor.api.money.Money;
import org.kontor.testkit.aftermarket.AftermarketProviderConformance;

/** The demo provider keeps the aftermarket contract and offers the demo names like the searched one, best first. */
class DemoAftermarketTest extends AftermarketProviderConformance {

    @Override
    protected AftermarketProvider provider() {
        return new DemoAftermarket();
    }

    @Override
    protected AftermarketQuery queryWithOffers() {
        return new AftermarketQuery("shop", List.of(Tld.of("example"), Tld.of("test")), 5);
    }

    @Test
    void theSearchedNameComesFirstThenNamesContainingItThenNamesALetterOrTwoAway() {
        List<AftermarketOffer> offers = provider().offers(new AftermarketQuery("shop", List.of(Tld.of("example")), 10));

        assertThat(offers).extracting(offer -> offer.name().ascii())
                .startsWith("shop.example")
                .contains("myshop.example", "webshop.example", "shopping.example", "coffeeshop.example",
                        "demoshop.example")
                .doesNotContain("coffee.example", "kontor.example");
        AftermarketOffer first = offers.get(0);
        assertThat(first.price()).isEqualTo(Money.of("4900.00", "EUR"));
        assertThat(first.link()).isEqualTo(URI.create("https://aftermarket.example/buy/shop.example"));
        assertThat(first.providerId()).isEqualTo("aftermarket-demo");
    }

    @Test
    void aTypoAwayIsOfferedTooAndShortLabelsNeedAnExactMatch() {
        assertThat(provider().offers(new AftermarketQuery("bikes", List.of(Tld.of("com")), 5)))
                .extracting(AftermarketOffer::name)
                .containsExactly(DomainName.of("bikes.example"), DomainName.of("bike.example"));
        assertThat(provider().offers(new AftermarketQuery("kafe", List.of(Tld.of("com")), 5)))
                .extracting(AftermarketOffer::name).containsExactly(DomainName.of("kaffe.example"));
        assertThat(provider().offers(new AftermarketQuery("ab", List.of(Tld.of("com")), 5))).isEmpty();
    }

    @Test
    void underTheWishedTldAnOfferThereComesBeforeAnEquallyGoodOneElsewhere() {
        List<AftermarketOffer> offers = provider().offers(new AftermarketQuery("example", List.of(Tld.of("com")), 5));

        assertThat(offers).extracting(offer -> offer.name().ascii()).startsWith("example.com", "examples.example");
    }

    @Test
    void similarityIsZeroForTheSameLabelAndMinusOneForUnlikeOnes() {
        assertThat(DemoAftermarket.similarity("shop", "shop")).isZero();
        assertThat(DemoAftermarket.similarity("shop", "myshop")).isEqualTo(1);
        assertThat(DemoAftermarket.similarity("kontr", "kontor")).isEqualTo(3);
        assertThat(DemoAftermarket.similarity("travel", "pizza")).isEqualTo(-1);
    }
}
