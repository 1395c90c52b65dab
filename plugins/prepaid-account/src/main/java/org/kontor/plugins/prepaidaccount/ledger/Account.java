package org.kontor.plugins.prepaidaccount.ledger;

import java.time.Instant;
import java.util.Currency;
import org.kontor.api.money.Money;

/**
 * A reseller's prepaid account.
 *
 * @param balance          the sum of all entries (may be negative within the credit line)
 * @param held             the sum of active holds
 * @param creditLine       how far below zero renewals may take the balance
 * @param beyondCreditLine whether the agreement lets renewals go past the credit line
 * @param paymentReference the reference bank transfers to this account carry (variable symbol, FIK)
 * @param notifyEmail      where low-balance and upcoming-payment notices go, or null
 * @param lowBalanceThreshold a notice is sent once each time the balance falls below it (null: none)
 */
public record Account(String id, String ownerId, String schemeId, Currency currency, AccountState state,
                      Money balance, Money held, Money creditLine, boolean beyondCreditLine, String paymentReference,
                      String notifyEmail, Money lowBalanceThreshold, boolean upcomingNotices, boolean autoRenew, Instant appliedAt,
                      Instant activatedAt) {

    /** What creation and restore may use now: the balance less the active holds. */
    public Money available() {
        return balance.minus(held);
    }

    /** What a renewal may use now: the available balance plus the credit line. */
    public Money availableForRenewal() {
        return available().plus(creditLine);
    }
}
