package org.kontor.api.risk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.kontor.api.money.Money;

/**
 * What a risk check is asked about: an order being placed, a prepaid top-up being started, or a payment that arrived
 * for either. Fields the host does not know are null (an order placed through the API has no browser IP when the
 * client sends none; a card fingerprint is only known once a gateway reports the payment).
 *
 * @param kind              what is being assessed
 * @param reference         the order id or top-up id
 * @param customerId        the customer (or reseller) account
 * @param email             the account's e-mail address
 * @param ipAddress         the client's address as the host saw it, or null
 * @param billingCountry    the account's ISO 3166-1 alpha-2 country, or null
 * @param amount            the total to be paid
 * @param paymentMethod     a funding source id or payment gateway id, or null
 * @param firstOrder        the account has no earlier order that was not cancelled
 * @param phoneVerified     the account's phone number was confirmed with a code
 * @param cardFingerprint   the gateway's fingerprint of the card used, or null
 * @param tlds              the TLDs of the order's domains (ASCII, lower case); empty for a top-up
 * @param at                when
 */
public record RiskSubject(Kind kind, String reference, String customerId, String email, String ipAddress,
                          String billingCountry, Money amount, String paymentMethod, boolean firstOrder,
                          boolean phoneVerified, String cardFingerprint, List<String> tlds, Instant at) {

    /** What is being assessed. */
    public enum Kind {
        ORDER, TOP_UP, PAYMENT
    }

    public RiskSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(at, "at");
        tlds = tlds == null ? List.of() : List.copyOf(tlds);
    }

    /** The same subject with the card the payment was made with. */
    public RiskSubject withCardFingerprint(String fingerprint) {
        return new RiskSubject(kind, reference, customerId, email, ipAddress, billingCountry, amount, paymentMethod,
                firstOrder, phoneVerified, fingerprint, tlds, at);
    }
}
