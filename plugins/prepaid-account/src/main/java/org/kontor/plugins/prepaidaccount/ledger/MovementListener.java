package org.kontor.plugins.prepaidaccount.ledger;

import org.jdbi.v3.core.Handle;
import org.kontor.api.money.Money;

/**
 * Told of every entry the ledger writes, inside the writing transaction and under the account's lock.
 * Work that must wait for the commit (e-mail) is registered with {@link Handle#afterCommit(Runnable)}.
 */
@FunctionalInterface
public interface MovementListener {

    MovementListener NONE = (transaction, entry, lowBalanceThreshold) -> { };

    /**
     * @param entry               the entry just written, with its account and the balance after it
     * @param lowBalanceThreshold the account's low-balance threshold as the movement found it, or null
     */
    void moved(Handle transaction, Entry entry, Money lowBalanceThreshold);
}
