package org.kontor.api.funding;

import java.util.Objects;
import java.util.Optional;
import org.kontor.api.money.Money;
import org.pf4j.ExtensionPoint;

/**
 * Top-ups of a funding source (a reseller's prepaid account) that wait for their money, so that the host can take their
 * payment through a payment gateway. The source learns of the payment from the {@code PaymentSucceeded} event and
 * credits the top-up itself.
 *
 * @since 1.4.0
 */
public interface PayableTopUps extends ExtensionPoint {

    /**
     * A top-up waiting for its payment.
     *
     * @param ownerId the customer whose account it tops up; only they may pay it
     * @param net     the amount it credits
     */
    record PayableTopUp(String id, String ownerId, Money net) {

        public PayableTopUp {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(net, "net");
        }
    }

    /** The top-up if it exists and still waits for its payment. */
    Optional<PayableTopUp> open(String topUpId);

    /**
     * Where this customer asks for a top-up, as a path of the storefront (such as {@code /p/prepaid-account/deposits}),
     * when they have an account here that takes top-ups; the host links it as "Add funds". None by default.
     *
     * @since 1.5.0
     */
    default Optional<String> topUpPage(String ownerId) {
        return Optional.empty();
    }
}
