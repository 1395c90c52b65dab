package org.kontor.host.risk;

import java.util.List;
import java.util.Objects;
import org.kontor.api.money.Money;
import org.kontor.api.risk.RiskSubject;

/**
 * What the host asks to be assessed; the customer's e-mail, billing country and phone verification are looked up.
 *
 * @param clientIp        the client's address as the host saw it, or null
 * @param paymentMethod   a funding source or gateway id, or null
 * @param cardFingerprint the gateway's fingerprint of the card, or null
 */
public record RiskRequest(RiskSubject.Kind kind, String reference, String customerId, String clientIp, Money amount,
                          String paymentMethod, boolean firstOrder, String cardFingerprint, List<String> tlds) {

    public RiskRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        tlds = tlds == null ? List.of() : List.copyOf(tlds);
    }
}
