package org.kontor.plugins.prepaidaccount.topup;

import java.time.Instant;
import org.kontor.api.money.Money;

/**
 * A request to top up a prepaid account (PA-5), shown to the reseller with its state.
 *
 * @param sequence          1, 2, 3 … per account
 * @param net               the amount to credit, excluding VAT
 * @param paymentReference  what the bank transfer must carry: the account's reference and the sequence
 * @param externalReference the bank's or gateway's reference of the payment, once paid
 * @param entryId           the ledger entry that credited it, once paid
 */
public record TopUp(String id, String accountId, long sequence, Money net, TopUpState state, String paymentReference,
                    Instant createdAt, Instant dueAt, Instant paidAt, String paidBy, String externalReference,
                    String entryId) {
}
