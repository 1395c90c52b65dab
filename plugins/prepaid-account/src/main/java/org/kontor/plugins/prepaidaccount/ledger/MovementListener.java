package org.kontor.plugins.prepaidaccount.ledger;

import org.jdbi.v3.core.Handle;

/**
 * Told of every entry the ledger writes, inside the writing transaction and under the account's lock.
 * Work that must wait for the commit (e-mail) is registered with {@link Handle#afterCommit(Runnable)}.
 */
@FunctionalInterface
public interface MovementListener {

    MovementListener NONE = (transaction, before, entry) -> { };

    /**
     * @param before the account as it was before the entry
     * @param entry  the entry just written, with the balance after it
     */
    void moved(Handle transaction, Account before, Entry entry);
}
