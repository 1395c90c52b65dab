package org.kontor.plugins.prepaidaccount.ledger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.event.PreparedEvent;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.funding.FundingHold;
import org.kontor.api.funding.FundingRequest;
import org.kontor.api.money.Money;

/**
 * The holds and settlements of one group commit on PostgreSQL, done with one statement for all the group's
 * settlements and one for all its holds instead of one statement per movement: each statement is a round trip
 * in which the database process wakes, parses and plans, and these cost it more than the rows themselves.
 *
 * <p>Only the plain cases are done here, each all or nothing per account: holds on an active account whose
 * available balance covers every hold of the group on it in order, under keys not used before; settlements of
 * active holds this ledger made and remembers. Every other call (a refusal to explain, a retried key, a hold
 * settled before, an account whose funds cover only some of the group's holds) is left to its own callback,
 * which runs after this in the same transaction, as if it had come after these calls.
 */
final class MovementsTogether implements GroupCommit.Together<MovementsTogether.Movement> {

    /** What a hold or settlement does, as the group needs to know it. */
    sealed interface Movement permits Reserve, Settle {
    }

    /** A hold for {@code request}. */
    record Reserve(FundingRequest request) implements Movement {
    }

    /**
     * The settlement of {@code hold}, active as this ledger made it; for a capture its entry's id, and the
     * {@code PrepaidCharged} prepared for it. {@code at} is the settlement's time, the entry's too.
     */
    record Settle(Hold hold, FundingHold.State target, String entryId, Instant at, PreparedEvent event)
            implements Movement {

        boolean capture() {
            return target == FundingHold.State.CAPTURED;
        }
    }

    private final PreparedStatements statements;
    private final Clock clock;
    private final Duration holdLifetime;
    private final Supplier<String> ids;
    private final EventPublisher events;
    private final MovementListener listener;

    MovementsTogether(PreparedStatements statements, Clock clock, Duration holdLifetime, Supplier<String> ids,
                      EventPublisher events, MovementListener listener) {
        this.statements = statements;
        this.clock = clock;
        this.holdLifetime = holdLifetime;
        this.ids = ids;
        this.events = events;
        this.listener = listener;
    }

    @Override
    public Object[] run(Handle h, List<Movement> work) throws SQLException {
        Object[] done = new Object[work.size()];
        // Settlements first: they never lower an account's available balance, so the holds after them find at
        // least what they would have found in the group's order.
        settle(h, work, done);
        reserve(h, work, done);
        return done;
    }

    // ---- settlements ----

    /**
     * Moves the remembered holds out of ACTIVE (where they are still active as remembered), then each account once
     * by their sums, and writes a charge entry per capture with its sequence number and balance after it, in the
     * group's order. Parameters: arrays of the holds' keys, account ids, amounts, target states, settlement times
     * and entry ids (null for a release). Returns a row per settled hold: its place in the arrays, its account
     * (null if the account would hold less than nothing) and, for a capture, the entry's number and balance after;
     * in the group's order, the order in which the listener is told of the entries and the events are written.
     */
    private static final String SETTLE = "WITH r AS (SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], "
            + "?::bigint[], ?::text[]) WITH ORDINALITY AS r(idempotency_key, account_id, amount_minor, target, at, entry_id, n)), "
            + "settled AS (UPDATE prepaid_account_hold hd SET state = r.target, settled_at = r.at, entry_id = r.entry_id "
            + "FROM r WHERE hd.idempotency_key = r.idempotency_key AND hd.state = 'ACTIVE' AND hd.account_id = r.account_id "
            + "AND hd.amount_minor = r.amount_minor RETURNING hd.id, hd.account_id, hd.amount_minor, hd.charge_kind, "
            + "hd.domain, hd.period, hd.net_minor, hd.tax_minor, hd.description, hd.idempotency_key, r.target, r.at, "
            + "r.entry_id, r.n), "
            + "per_account AS (SELECT account_id, SUM(amount_minor)::bigint AS held, "
            + "COALESCE(SUM(amount_minor) FILTER (WHERE target = 'CAPTURED'), 0)::bigint AS charged, "
            + "COUNT(*) FILTER (WHERE target = 'CAPTURED') AS entries FROM settled GROUP BY account_id), "
            + "moved AS (UPDATE prepaid_account_account a SET balance_minor = a.balance_minor - p.charged, "
            + "held_minor = a.held_minor - p.held, entry_count = a.entry_count + p.entries, lock_version = a.lock_version + 1 "
            + "FROM per_account p WHERE a.id = p.account_id AND a.held_minor - p.held >= 0 RETURNING a.id, a.owner_id, "
            + "a.currency, a.entry_count - p.entries AS entries_before, a.balance_minor + p.charged AS balance_before, "
            + "a.low_balance_threshold_minor), "
            + "charges AS (SELECT s.*, m.entries_before + ROW_NUMBER() OVER w AS seq, "
            + "m.balance_before - (SUM(s.amount_minor) OVER w)::bigint AS balance_after FROM settled s JOIN moved m ON m.id = s.account_id "
            + "WHERE s.target = 'CAPTURED' WINDOW w AS (PARTITION BY s.account_id ORDER BY s.n)), "
            + "entries AS (INSERT INTO prepaid_account_entry (id, account_id, seq, kind, amount_minor, balance_after_minor, "
            + "idempotency_key, hold_id, charge_kind, domain, period, net_minor, tax_minor, description, created_at) "
            + "SELECT entry_id, account_id, seq, 'CHARGE', -amount_minor, balance_after, idempotency_key || ':capture', id, "
            + "charge_kind, domain, period, net_minor, tax_minor, description, at FROM charges) "
            + "SELECT s.n, m.id, m.owner_id, m.currency, m.low_balance_threshold_minor, c.seq, c.balance_after "
            + "FROM settled s LEFT JOIN moved m ON m.id = s.account_id LEFT JOIN charges c ON c.n = s.n ORDER BY s.n";

    private record Settled(int index, String ownerId, Currency currency, Long threshold, long seq, long balanceAfter) {
    }

    private void settle(Handle h, List<Movement> work, Object[] done) throws SQLException {
        List<Integer> indexes = firstOfEachKey(work, Settle.class, settle -> settle.hold().idempotencyKey());
        if (indexes.isEmpty()) {
            return;
        }
        int count = indexes.size();
        String[] holdKeys = new String[count];
        String[] accounts = new String[count];
        Long[] amounts = new Long[count];
        String[] targets = new String[count];
        Long[] times = new Long[count];
        String[] entryIds = new String[count];
        for (int k = 0; k < count; k++) {
            Settle settle = (Settle) work.get(indexes.get(k));
            holdKeys[k] = settle.hold().idempotencyKey();
            accounts[k] = settle.hold().accountId();
            amounts[k] = settle.hold().amount().toMinorUnits();
            targets[k] = settle.target().name();
            times[k] = settle.at().toEpochMilli();
            entryIds[k] = settle.capture() ? settle.entryId() : null;
        }
        List<Settled> rows = statements.list(h, SETTLE, st -> {
            Connection c = st.getConnection();
            setTexts(st, c, 1, holdKeys, accounts);
            st.setArray(3, c.createArrayOf("bigint", amounts));
            st.setArray(4, c.createArrayOf("text", targets));
            st.setArray(5, c.createArrayOf("bigint", times));
            st.setArray(6, c.createArrayOf("text", entryIds));
        }, rs -> {
            int index = indexes.get(rs.getInt(1) - 1);
            if (rs.getString(2) == null) {
                throw new IllegalStateException("account " + ((Settle) work.get(index)).hold().accountId()
                        + " would hold less than nothing; its holds disagree");
            }
            return new Settled(index, rs.getString(3), Currency.getInstance(rs.getString(4)),
                    PreparedStatements.getLong(rs, 5), rs.getLong(6), rs.getLong(7));
        });
        List<PreparedEvent> charged = new ArrayList<>();
        for (Settled row : rows) {
            Settle settle = (Settle) work.get(row.index());
            Hold hold = settle.hold();
            Hold settledHold = new Hold(hold.id(), hold.accountId(), hold.idempotencyKey(), hold.kind(), hold.amount(),
                    hold.net(), hold.tax(), hold.domain(), hold.period(), hold.description(), settle.target(),
                    hold.expiresAt(), hold.createdAt(), settle.at(), settle.capture() ? settle.entryId() : null);
            if (settle.capture()) {
                Entry entry = new Entry(settle.entryId(), hold.accountId(), row.seq(), EntryKind.CHARGE,
                        hold.amount().negate(), Money.ofMinor(row.balanceAfter(), row.currency()),
                        hold.idempotencyKey() + ":capture", hold.id(), hold.kind(), hold.domain(), hold.period(),
                        hold.net(), hold.tax(), hold.description(), null, null, null, settle.at());
                listener.moved(h, entry, row.threshold() == null ? null : Money.ofMinor(row.threshold(), row.currency()));
                charged.add(settle.event());
            }
            done[row.index()] = settledHold;
        }
        events.publishAll(h, charged);
    }

    // ---- holds ----

    /**
     * Inserts the holds of every owner whose account covers them all, in order, and reserves their sum on the
     * account with one update whose conditions are the credit rules, checked against the account's row as it is
     * when locked. Parameters: arrays of hold ids, keys, charge kinds, amounts, net amounts, taxes, domains,
     * periods, descriptions, owners, currencies, whether each is a renewal and whether a domain service; then
     * the expiry and the creation time. Returns each hold it inserted with its account, and a row without an
     * account for a hold whose account was reserved but whose key another transaction took meanwhile.
     *
     * <p>A key is looked up once per hold: {@code OFFSET 0} keeps the look-up a probe of the key's index, where a join
     * against the holds was planned, while the table's statistics were young, as a scan of the whole table.
     */
    private static final String RESERVE = "WITH r AS (SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], "
            + "?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::boolean[]) "
            + "WITH ORDINALITY AS r(id, idempotency_key, charge_kind, amount_minor, net_minor, tax_minor, domain, period, "
            + "description, owner_id, currency, renewal, domain_service, n) WHERE NOT EXISTS (SELECT 1 FROM "
            + "prepaid_account_hold hd WHERE hd.idempotency_key = r.idempotency_key OFFSET 0)), "
            + "running AS (SELECT r.*, (SUM(amount_minor) OVER (PARTITION BY owner_id ORDER BY n))::bigint AS needed FROM r), "
            + "per_owner AS (SELECT owner_id, SUM(amount_minor)::bigint AS total, MAX(needed) FILTER (WHERE NOT renewal) AS for_creation, "
            + "MAX(needed) FILTER (WHERE renewal) AS for_renewal, MIN(currency) AS currency, "
            + "COUNT(DISTINCT currency) AS currencies, BOOL_AND(domain_service) AS domain_services FROM running GROUP BY owner_id), "
            + "reserved AS (UPDATE prepaid_account_account a SET held_minor = a.held_minor + p.total, "
            + "lock_version = a.lock_version + 1 FROM per_owner p, prepaid_account_scheme s WHERE a.owner_id = p.owner_id "
            + "AND s.id = a.scheme_id AND a.state = 'ACTIVE' AND a.currency = p.currency AND p.currencies = 1 "
            + "AND (p.domain_services OR s.domains_only = 0) "
            + "AND (p.for_creation IS NULL OR a.balance_minor - a.held_minor >= p.for_creation) "
            + "AND (p.for_renewal IS NULL OR a.beyond_credit_line = 1 "
            + "OR a.balance_minor - a.held_minor + a.credit_line_minor >= p.for_renewal) RETURNING a.id, a.owner_id), "
            + "inserted AS (INSERT INTO prepaid_account_hold (id, account_id, idempotency_key, charge_kind, amount_minor, "
            + "net_minor, tax_minor, domain, period, description, state, expires_at, created_at) SELECT r.id, v.id, "
            + "r.idempotency_key, r.charge_kind, r.amount_minor, r.net_minor, r.tax_minor, r.domain, r.period, r.description, "
            + "'ACTIVE', ?, ? FROM r JOIN reserved v ON v.owner_id = r.owner_id ON CONFLICT (idempotency_key) DO NOTHING "
            + "RETURNING idempotency_key, account_id) "
            + "SELECT r.n, i.account_id FROM r JOIN reserved v ON v.owner_id = r.owner_id "
            + "LEFT JOIN inserted i ON i.idempotency_key = r.idempotency_key";

    private record Reserved(int index, String accountId) {
    }

    private void reserve(Handle h, List<Movement> work, Object[] done) throws SQLException {
        List<Integer> indexes = firstOfEachKey(work, Reserve.class, reserve -> reserve.request().key().value());
        if (indexes.isEmpty()) {
            return;
        }
        int count = indexes.size();
        String[] holdIds = new String[count];
        String[] holdKeys = new String[count];
        String[] kinds = new String[count];
        Long[] amounts = new Long[count];
        Long[] nets = new Long[count];
        Long[] taxes = new Long[count];
        String[] domains = new String[count];
        String[] periods = new String[count];
        String[] descriptions = new String[count];
        String[] owners = new String[count];
        String[] currencies = new String[count];
        Boolean[] renewals = new Boolean[count];
        Boolean[] domainServices = new Boolean[count];
        for (int k = 0; k < count; k++) {
            FundingRequest request = ((Reserve) work.get(indexes.get(k))).request();
            holdIds[k] = ids.get();
            holdKeys[k] = request.key().value();
            kinds[k] = request.kind().name();
            amounts[k] = request.amount().toMinorUnits();
            nets[k] = request.net().toMinorUnits();
            taxes[k] = request.tax().toMinorUnits();
            domains[k] = request.domain() == null ? null : request.domain().ascii();
            periods[k] = request.period() == null ? null : request.period().toString();
            descriptions[k] = request.description();
            owners[k] = request.customerId();
            currencies[k] = request.amount().currencyCode();
            renewals[k] = request.kind() == ChargeKind.DOMAIN_RENEW;
            domainServices[k] = request.kind().isDomainService();
        }
        Instant now = Instant.ofEpochMilli(clock.millis()); // as stored, so that the hold answered is the hold read back
        Instant expires = now.plus(holdLifetime);
        List<Reserved> rows = statements.list(h, RESERVE, st -> {
            Connection c = st.getConnection();
            setTexts(st, c, 1, holdIds, holdKeys, kinds);
            st.setArray(4, c.createArrayOf("bigint", amounts));
            st.setArray(5, c.createArrayOf("bigint", nets));
            st.setArray(6, c.createArrayOf("bigint", taxes));
            setTexts(st, c, 7, domains, periods, descriptions, owners, currencies);
            st.setArray(12, c.createArrayOf("boolean", renewals));
            st.setArray(13, c.createArrayOf("boolean", domainServices));
            st.setLong(14, expires.toEpochMilli());
            st.setLong(15, now.toEpochMilli());
        }, rs -> new Reserved(rs.getInt(1) - 1, rs.getString(2)));
        Map<Integer, String> accountOf = new HashMap<>();
        for (Reserved row : rows) {
            if (row.accountId() == null) {
                // Its account reserved the amount, but the hold is not written: only the group's transaction undone
                // leaves the account right. The group's calls then run on their own.
                throw new IllegalStateException("hold key " + holdKeys[row.index()] + " was taken while a group held it");
            }
            accountOf.put(row.index(), row.accountId());
        }
        for (int k = 0; k < count; k++) {
            String accountId = accountOf.get(k);
            if (accountId == null) {
                continue;
            }
            FundingRequest request = ((Reserve) work.get(indexes.get(k))).request();
            done[indexes.get(k)] = new Hold(holdIds[k], accountId, holdKeys[k], request.kind(), request.amount(),
                    request.net(), request.tax(), domains[k], periods[k], request.description(), FundingHold.State.ACTIVE,
                    expires, now, null, null);
        }
    }

    /**
     * The places of the movements of {@code type}, each key's first only: a key named again in the same group is
     * left to its call, which then finds what the first did.
     */
    private static <M extends Movement> List<Integer> firstOfEachKey(List<Movement> work, Class<M> type,
                                                                     Function<M, String> key) {
        List<Integer> indexes = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < work.size(); i++) {
            if (type.isInstance(work.get(i)) && keys.add(key.apply(type.cast(work.get(i))))) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    private static void setTexts(PreparedStatement st, Connection c, int first, String[]... columns) throws SQLException {
        for (int i = 0; i < columns.length; i++) {
            Array array = c.createArrayOf("text", columns[i]);
            st.setArray(first + i, array);
        }
    }
}
