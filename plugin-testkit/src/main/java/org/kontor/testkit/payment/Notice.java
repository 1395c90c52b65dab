package org.kontor.testkit.payment;

import java.time.Instant;
import java.util.Objects;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;

/**
 * A notification the kit asks a gateway's test to produce, as the provider would send it.
 *
 * @param request the payment as it was asked for
 * @param payment the payment as the gateway answered it (its {@link PaymentTransaction#gatewayReference()} is the
 *                reference the notification must name)
 * @param status  the status the notification settles the payment with; one of the gateway's declared webhook
 *                statuses (PROCESSED for a reversal)
 * @param kind    {@link PaymentNotification.Kind#REVERSAL} for money the provider took back from the payment (which
 *                the kit settled first), else {@link PaymentNotification.Kind#PAYMENT}
 * @param eventId a new id for the provider's event (use it where the provider's notifications carry one)
 * @param sentAt  when the provider signed it (use it where the provider signs a timestamp)
 */
public record Notice(PaymentRequest request, PaymentTransaction payment, OutcomeStatus status,
                     PaymentNotification.Kind kind, String eventId, Instant sentAt) {

    public Notice {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    /** The provider's reference of the payment: what the notification names. */
    public String reference() {
        return payment.gatewayReference();
    }

    /** Whether the notification reports money taken back (a chargeback, a returned direct debit). */
    public boolean isReversal() {
        return kind == PaymentNotification.Kind.REVERSAL;
    }
}
