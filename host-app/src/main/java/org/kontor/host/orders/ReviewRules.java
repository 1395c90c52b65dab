package org.kontor.host.orders;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kontor.api.money.Money;

/**
 * The operator's rules that send an order to the clearing center instead of provisioning (ORD-11): every order,
 * a customer's first order, orders above an amount, or orders with a domain under listed TLDs.
 *
 * @param reviewAll   every order waits for a person
 * @param firstOrder  a customer's first order waits for a person
 * @param above       orders whose total is above this amount (in its currency) wait; null: no limit
 * @param tlds        orders with a domain under one of these TLDs (ASCII, lower case) wait
 */
public record ReviewRules(boolean reviewAll, boolean firstOrder, Money above, Set<String> tlds) {

    public ReviewRules {
        tlds = Set.copyOf(tlds);
    }

    public static ReviewRules none() {
        return new ReviewRules(false, false, null, Set.of());
    }

    /** Why this order must be reviewed, or empty when it may go ahead. */
    public Optional<String> reason(Money total, List<String> orderTlds, boolean customersFirstOrder) {
        if (reviewAll) {
            return Optional.of("every order is reviewed");
        }
        if (firstOrder && customersFirstOrder) {
            return Optional.of("the customer's first order");
        }
        if (above != null && total.currency().equals(above.currency()) && total.isGreaterThan(above)) {
            return Optional.of("the total is above " + above);
        }
        return orderTlds.stream().filter(tlds::contains).findFirst().map(tld -> "a domain under ." + tld);
    }
}
