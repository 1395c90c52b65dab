package org.kontor.api.aftermarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Tld;
import org.kontor.api.money.Money;

class AftermarketValuesTest {

    @Test
    void aQueryNeedsALabelAndALimitAndKeepsItsOwnTldList() {
        List<Tld> tlds = new ArrayList<>(List.of(Tld.of("dk")));
        AftermarketQuery query = new AftermarketQuery("shop", tlds, 5);
        tlds.add(Tld.of("com"));

        assertThat(query.tlds()).containsExactly(Tld.of("dk"));
        assertThatThrownBy(() -> new AftermarketQuery(" ", List.of(), 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AftermarketQuery("shop", List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOfferLinksToAWebPage() {
        AftermarketOffer offer = new AftermarketOffer(DomainName.of("shop.dk"), Money.of("100.00", "DKK"),
                URI.create("https://market.example/shop.dk"), "market");

        assertThat(offer.link().getHost()).isEqualTo("market.example");
        assertThatThrownBy(() -> new AftermarketOffer(DomainName.of("shop.dk"), Money.of("100.00", "DKK"),
                URI.create("javascript:alert(1)"), "market")).isInstanceOf(IllegalArgumentException.class);
    }
}
