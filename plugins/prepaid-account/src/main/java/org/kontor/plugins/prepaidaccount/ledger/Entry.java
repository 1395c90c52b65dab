package org.kontor.plugins.prepaidaccount.ledger;

import java.time.Instant;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;

/**
 * One movement on an account, never changed once written.
 *
 * @param sequence     1, 2, 3 … per account
 * @param amount       signed: negative for a charge
 * @param balanceAfter the account's balance right after this entry
 * @param chargeKind   for charges: what was bought, else null
 */
public record Entry(String id, String accountId, long sequence, EntryKind kind, Money amount, Money balanceAfter,
                    String idempotencyKey, String holdId, ChargeKind chargeKind, String domain, String period,
                    Money net, Money tax, String description, String reason, String reversesEntryId, String actor,
                    Instant createdAt) {
}
