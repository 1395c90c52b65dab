package org.kontor.plugins.banktransfer.matching;

import java.time.Instant;
import org.kontor.api.money.Money;
import org.kontor.plugins.banktransfer.reference.PaymentReference;

/**
 * A payment awaited by bank transfer.
 *
 * @param id              the gateway reference the host keeps, e.g. {@code BT-000042}
 * @param kontorReference what it pays in Kontor (an invoice number, a top-up id)
 * @param paid            what statements brought for it (zero while pending)
 */
public record Payment(String id, String idempotencyKey, long seq, String customerId, String kontorReference,
                      PaymentReference reference, Money amount, PaymentState state, Money paid, Instant createdAt,
                      Instant paidAt) {
}
