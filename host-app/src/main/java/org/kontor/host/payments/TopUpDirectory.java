package org.kontor.host.payments;

import java.util.Optional;
import org.kontor.api.money.Money;

/** The top-ups of prepaid accounts waiting for their money, as payments need to see them. */
public interface TopUpDirectory {

    /** A requested top-up: whose it is, and its net amount. */
    record OpenTopUp(String id, String ownerId, Money net) {
    }

    /** The top-up if it exists and still waits for its payment. */
    Optional<OpenTopUp> open(String topUpId);

    /** Where this customer asks for a top-up (a storefront path), if they have an account that takes top-ups. */
    default Optional<String> topUpPage(String ownerId) {
        return Optional.empty();
    }
}
