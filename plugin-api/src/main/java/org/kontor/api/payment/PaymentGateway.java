package org.kontor.api.payment;

import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.pf4j.ExtensionPoint;

/**
 * A payment provider: card, PayPal, SEPA direct debit, bank transfer, or anything a third party writes.
 *
 * <p>The host records a payment attempt with its key and commits before it calls {@link #purchase};
 * the gateway passes the key on as the provider's idempotency key, so a retry never charges twice.
 * A purchase that needs the customer (a redirect to PayPal, 3-D Secure) answers PENDING with a
 * {@link PaymentTransaction#redirectUrl()}; the provider's webhook or {@link #status} settles it.
 */
public interface PaymentGateway extends ExtensionPoint {

    /** A stable id, e.g. {@code stripe}, {@code paypal}, {@code bank-transfer}. */
    String gatewayId();

    /** The payment methods this gateway offers customers. */
    Set<PaymentMethodType> methods();

    /** Whether this gateway can take payments in the currency. */
    boolean supports(Currency currency);

    /** Takes a payment (authorise and capture in one step). */
    Outcome<PaymentTransaction> purchase(PaymentRequest request);

    /** Gives back all or part of a processed payment. */
    Outcome<PaymentTransaction> refund(RefundRequest request);

    /** What became of the call made with {@code key}: the janitor's question for PENDING and UNDEFINED. */
    Outcome<PaymentTransaction> status(IdempotencyKey key);

    /**
     * Reads a notification the provider sent to {@code /hooks/<plugin-id>/}. Verify its signature first;
     * an unsigned or forged request throws {@link WebhookRejectedException}. Each notification says which
     * payment it is about and its new status; the host applies each at most once.
     */
    default List<PaymentNotification> handleWebhook(WebhookRequest request) throws WebhookRejectedException {
        throw new WebhookRejectedException("this gateway takes no webhooks");
    }
}
