package org.kontor.plugins.prepaidaccount.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Proves the ledger: for every account, the cached balance equals the sum of its entries and the last
 * entry's running balance, the entry count matches, the held sum equals its active holds; and no active
 * hold is past its expiry. Reads only; a finding is for a person to look at.
 */
public final class Reconciliation {

    private final Jdbi jdbi;
    private final Clock clock;

    public Reconciliation(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public ReconciliationReport run() {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            List<String> problems = new ArrayList<>();
            List<AccountTotals> totals = h.createQuery("""
                            SELECT a.id, a.balance_minor, a.held_minor, a.entry_count,
                                   (SELECT COALESCE(SUM(e.amount_minor), 0) FROM prepaid_account_entry e WHERE e.account_id = a.id) AS entry_sum,
                                   (SELECT COUNT(*) FROM prepaid_account_entry e WHERE e.account_id = a.id) AS entries,
                                   (SELECT e.balance_after_minor FROM prepaid_account_entry e WHERE e.account_id = a.id
                                     ORDER BY e.seq DESC LIMIT 1) AS last_balance,
                                   (SELECT COALESCE(SUM(hd.amount_minor), 0) FROM prepaid_account_hold hd
                                     WHERE hd.account_id = a.id AND hd.state = 'ACTIVE') AS held_sum
                            FROM prepaid_account_account a ORDER BY a.id
                            """)
                    .map((rs, ctx) -> {
                        long last = rs.getLong("last_balance");
                        Long lastBalance = rs.wasNull() ? null : last;
                        return new AccountTotals(rs.getString("id"), rs.getLong("balance_minor"), rs.getLong("held_minor"),
                                rs.getLong("entry_count"), rs.getLong("entry_sum"), rs.getLong("entries"), lastBalance,
                                rs.getLong("held_sum"));
                    })
                    .list();
            for (AccountTotals account : totals) {
                if (account.balance() != account.entrySum()) {
                    problems.add("account %s: balance %d but its entries sum to %d (minor units)"
                            .formatted(account.id(), account.balance(), account.entrySum()));
                }
                if (account.lastBalance() != null && account.lastBalance() != account.balance()) {
                    problems.add("account %s: balance %d but the last entry's running balance is %d"
                            .formatted(account.id(), account.balance(), account.lastBalance()));
                }
                if (account.entryCount() != account.entries()) {
                    problems.add("account %s: %d entries counted but %d stored"
                            .formatted(account.id(), account.entryCount(), account.entries()));
                }
                if (account.held() != account.heldSum()) {
                    problems.add("account %s: %d held but its active holds sum to %d"
                            .formatted(account.id(), account.held(), account.heldSum()));
                }
            }
            List<String> staleHolds = h.createQuery("SELECT idempotency_key FROM prepaid_account_hold "
                            + "WHERE state = 'ACTIVE' AND expires_at < :now ORDER BY expires_at")
                    .bind("now", now.toEpochMilli()).mapTo(String.class).list();
            return new ReconciliationReport(now, totals.size(), problems, staleHolds);
        });
    }

    private record AccountTotals(String id, long balance, long held, long entryCount, long entrySum, long entries,
                                 Long lastBalance, long heldSum) {
    }
}
