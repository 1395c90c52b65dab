package org.kontor.plugins.riskbasic;

import java.time.Instant;
import java.util.List;
import org.kontor.api.money.Money;
import org.kontor.api.risk.RiskSubject;

/** Risk subjects as the host builds them, for the checks' tests. */
final class Subjects {

    private Subjects() {
    }

    static RiskSubject order(String reference, String customerId, String email, String ip, Instant at) {
        return new RiskSubject(RiskSubject.Kind.ORDER, reference, customerId, email, ip, "DK", Money.of("100.00", "DKK"),
                "prepaid-account", false, false, null, List.of("dk"), at);
    }

    static RiskSubject topUp(String reference, String customerId, String email, String ip, Instant at) {
        return new RiskSubject(RiskSubject.Kind.TOP_UP, reference, customerId, email, ip, "DK",
                Money.of("500.00", "DKK"), "stripe", false, false, null, List.of(), at);
    }

    static RiskSubject payment(String reference, String customerId, String card, Instant at) {
        return new RiskSubject(RiskSubject.Kind.PAYMENT, reference, customerId, "eva@example.com", null, "DK",
                Money.of("100.00", "DKK"), "stripe", false, false, card, List.of("dk"), at);
    }

    static RiskSubject from(String ip, String billingCountry) {
        return new RiskSubject(RiskSubject.Kind.ORDER, "O-1", "C-1", "eva@example.com", ip, billingCountry,
                Money.of("100.00", "DKK"), "prepaid-account", false, false, null, List.of(), Instant.now());
    }

    static RiskSubject first(Money amount, String paymentMethod, boolean firstOrder) {
        return new RiskSubject(RiskSubject.Kind.ORDER, "O-1", "C-1", "eva@example.com", "203.0.113.9", "DK", amount,
                paymentMethod, firstOrder, false, null, List.of(), Instant.now());
    }
}
