package org.kontor.host.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kontor.api.money.Money;

/** The clearing center's rules (ORD-11), {@code orders.review.*}: which order waits for a person, and why. */
class ReviewRulesTest {

    private static final Money HUNDRED = Money.of("100.00", "DKK");

    @Test
    void withoutRulesNothingWaits() {
        assertThat(ReviewRules.none().reason(Money.of("99999.00", "DKK"), List.of("dk"), true)).isEmpty();
    }

    @Test
    void everyOrderWaitsWhenTheOperatorSaysSo() {
        ReviewRules all = new ReviewRules(true, false, null, Set.of());
        assertThat(all.reason(HUNDRED, List.of("test"), false)).contains("every order is reviewed");
    }

    @Test
    void onlyACustomersFirstOrderWaits() {
        ReviewRules first = new ReviewRules(false, true, null, Set.of());
        assertThat(first.reason(HUNDRED, List.of("test"), true)).contains("the customer's first order");
        assertThat(first.reason(HUNDRED, List.of("test"), false)).isEmpty();
    }

    @Test
    void anOrderAboveTheAmountInItsCurrencyWaits() {
        ReviewRules above = new ReviewRules(false, false, Money.of("450.00", "DKK"), Set.of());
        assertThat(above.reason(Money.of("450.01", "DKK"), List.of(), false)).contains("the total is above 450.00 DKK");
        assertThat(above.reason(Money.of("450.00", "DKK"), List.of(), false)).isEmpty();
        // An amount in another currency is not compared.
        assertThat(above.reason(Money.of("9999.00", "EUR"), List.of(), false)).isEmpty();
    }

    @Test
    void anOrderWithANameUnderAListedTldWaits() {
        ReviewRules tlds = new ReviewRules(false, false, null, Set.of("example", "eu"));
        assertThat(tlds.reason(HUNDRED, List.of("test", "eu"), false)).contains("a domain under .eu");
        assertThat(tlds.reason(HUNDRED, List.of("test", "dk"), false)).isEmpty();
    }
}
