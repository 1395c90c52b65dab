package org.kontor.api.event;

import java.time.Instant;
import org.kontor.api.money.Money;

/**
 * A top-up of a prepaid account was paid and credited: an advance payment, for which the billing side
 * issues a tax document on the received advance (the Czech/Slovak "daňový zálohový list") within 15 days.
 *
 * @param net the amount credited, excluding VAT
 */
public record PrepaidTopUpPaid(String accountId, String ownerId, String topUpId, Money net, Instant paidAt)
        implements Event {
}
