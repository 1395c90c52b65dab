package org.kontor.plugins.prepaidaccount.topup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.event.PrepaidTopUpPaid;
import org.kontor.api.money.Money;
import org.kontor.plugins.prepaidaccount.ledger.Account;
import org.kontor.plugins.prepaidaccount.ledger.AccountState;
import org.kontor.plugins.prepaidaccount.ledger.Entry;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.plugins.prepaidaccount.ledger.LedgerException;
import org.kontor.plugins.prepaidaccount.ledger.Scheme;

/**
 * Top-up requests (PA-5): a reseller asks for a payment request of at least the scheme's minimum (excluding
 * VAT); once the money arrives it is marked paid, which credits the ledger and publishes
 * {@link PrepaidTopUpPaid} in one transaction. A payment through a gateway marks it paid ({@link TopUpPayments}); a
 * bank transfer is marked paid by an operator.
 */
public final class TopUps {

    private final Jdbi jdbi;
    private final Clock clock;
    private final EventPublisher events;
    private final Ledger ledger;
    private final Duration dueAfter;

    public TopUps(Jdbi jdbi, Clock clock, EventPublisher events, Ledger ledger, Duration dueAfter) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.events = events;
        this.ledger = ledger;
        this.dueAfter = dueAfter;
    }

    /**
     * @throws LedgerException BELOW_MINIMUM under the scheme's minimum, WRONG_CURRENCY, NOT_ACTIVE, NO_ACCOUNT
     */
    public TopUp request(String accountId, Money net) {
        return jdbi.inTransaction(h -> {
            lockAccount(h, accountId);
            Account account = ledger.account(accountId).orElseThrow();
            if (account.state() != AccountState.ACTIVE) {
                throw new LedgerException(LedgerException.Reason.NOT_ACTIVE,
                        "the prepaid account is " + account.state().name().toLowerCase() + ", not active");
            }
            if (!net.currency().equals(account.currency())) {
                throw new LedgerException(LedgerException.Reason.WRONG_CURRENCY,
                        "the account is kept in " + account.currency().getCurrencyCode() + ", not " + net.currencyCode());
            }
            Scheme scheme = ledger.scheme(account.schemeId()).orElseThrow();
            if (!net.isPositive() || net.isLessThan(scheme.minimumTopUp())) {
                throw new LedgerException(LedgerException.Reason.BELOW_MINIMUM, "the smallest top-up is "
                        + scheme.minimumTopUp() + " excluding VAT, not " + net);
            }
            long seq = h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM prepaid_account_top_up WHERE account_id = :account")
                    .bind("account", accountId).mapTo(Long.class).one() + 1;
            String id = UUID.randomUUID().toString();
            Instant now = clock.instant();
            h.createUpdate("INSERT INTO prepaid_account_top_up (id, account_id, seq, net_minor, state, payment_reference, "
                            + "created_at, due_at) VALUES (:id, :account, :seq, :net, 'REQUESTED', :reference, :at, :due)")
                    .bind("id", id).bind("account", accountId).bind("seq", seq).bind("net", net.toMinorUnits())
                    .bind("reference", paymentReference(account.paymentReference(), seq))
                    .bind("at", now.toEpochMilli()).bind("due", now.plus(dueAfter).toEpochMilli())
                    .execute();
            return find(h, id).orElseThrow();
        });
    }

    /** The account's reference followed by the sequence in four digits: digits only, as FIK and variable symbols need. */
    static String paymentReference(String accountReference, long seq) {
        return accountReference + String.format("%04d", seq);
    }

    /**
     * Credits a paid request to the ledger exactly once, with the key {@code top-up:<id>}, and publishes
     * {@link PrepaidTopUpPaid} in the same transaction. Marking a paid request paid again changes nothing.
     * A canceled request can still be marked paid: money that arrived is credited.
     *
     * @throws LedgerException NO_ACCOUNT when there is no such request
     */
    public TopUp markPaid(String topUpId, String externalReference, String actor) {
        return jdbi.inTransaction(h -> {
            TopUp found = find(h, topUpId).orElseThrow(() -> noSuchTopUp(topUpId));
            lockAccount(h, found.accountId());
            TopUp topUp = find(h, topUpId).orElseThrow();
            if (topUp.state() == TopUpState.PAID) {
                return topUp;
            }
            Entry entry = ledger.topUp(topUp.accountId(), "top-up:" + topUp.id(), topUp.net(),
                    "top-up " + topUp.paymentReference(), actor);
            Instant now = clock.instant();
            h.createUpdate("UPDATE prepaid_account_top_up SET state = 'PAID', paid_at = :at, paid_by = :actor, "
                            + "external_reference = :external, entry_id = :entry WHERE id = :id")
                    .bind("at", now.toEpochMilli()).bind("actor", actor).bind("external", externalReference)
                    .bind("entry", entry.id()).bind("id", topUpId).execute();
            Account account = ledger.account(topUp.accountId()).orElseThrow();
            events.publish(h, new PrepaidTopUpPaid(account.id(), account.ownerId(), topUp.id(), topUp.net(), now));
            return find(h, topUpId).orElseThrow();
        });
    }

    /**
     * Withdraws an unpaid request. Canceling twice is harmless.
     *
     * @throws LedgerException HOLD_SETTLED when the request was paid already
     */
    public TopUp cancel(String topUpId) {
        return jdbi.inTransaction(h -> {
            TopUp found = find(h, topUpId).orElseThrow(() -> noSuchTopUp(topUpId));
            lockAccount(h, found.accountId());
            TopUp topUp = find(h, topUpId).orElseThrow();
            if (topUp.state() == TopUpState.PAID) {
                throw new LedgerException(LedgerException.Reason.HOLD_SETTLED,
                        "top-up " + topUp.paymentReference() + " was paid; it cannot be canceled");
            }
            h.createUpdate("UPDATE prepaid_account_top_up SET state = 'CANCELED', canceled_at = :at WHERE id = :id "
                            + "AND state = 'REQUESTED'")
                    .bind("at", clock.millis()).bind("id", topUpId).execute();
            return find(h, topUpId).orElseThrow();
        });
    }

    public Optional<TopUp> find(String topUpId) {
        return jdbi.withHandle(h -> find(h, topUpId));
    }

    /** The account's requests, newest first. */
    public List<TopUp> ofAccount(String accountId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE t.account_id = :account ORDER BY t.seq DESC")
                .bind("account", accountId).map(TopUps::map).list());
    }

    /** Every request in a state, oldest first: the operator's list of money to look for. */
    public List<TopUp> inState(TopUpState state) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE t.state = :state ORDER BY t.created_at")
                .bind("state", state.name()).map(TopUps::map).list());
    }

    private static final String SELECT = "SELECT t.*, a.currency FROM prepaid_account_top_up t "
            + "JOIN prepaid_account_account a ON a.id = t.account_id";

    private static Optional<TopUp> find(Handle h, String id) {
        return h.createQuery(SELECT + " WHERE t.id = :id").bind("id", id).map(TopUps::map).findOne();
    }

    /** Serialises work on one account with the ledger's movements (the same row lock). */
    private static void lockAccount(Handle h, String accountId) {
        int rows = h.createUpdate("UPDATE prepaid_account_account SET lock_version = lock_version + 1 WHERE id = :id")
                .bind("id", accountId).execute();
        if (rows == 0) {
            throw new LedgerException(LedgerException.Reason.NO_ACCOUNT, "there is no prepaid account " + accountId);
        }
    }

    private static LedgerException noSuchTopUp(String id) {
        return new LedgerException(LedgerException.Reason.NO_ACCOUNT, "there is no top-up request " + id);
    }

    private static TopUp map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new TopUp(rs.getString("id"), rs.getString("account_id"), rs.getLong("seq"),
                Money.ofMinor(rs.getLong("net_minor"), currency), TopUpState.valueOf(rs.getString("state")),
                rs.getString("payment_reference"), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("due_at")), instant(rs, "paid_at"), rs.getString("paid_by"),
                rs.getString("external_reference"), rs.getString("entry_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
