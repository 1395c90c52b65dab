package org.kontor.plugins.prepaidaccount.ledger;

import static org.kontor.plugins.prepaidaccount.ledger.PreparedStatements.getLong;
import static org.kontor.plugins.prepaidaccount.ledger.PreparedStatements.setLong;
import static org.kontor.plugins.prepaidaccount.ledger.PreparedStatements.setText;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.event.PrepaidCharged;
import org.kontor.api.event.PreparedEvent;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.funding.FundingHold;
import org.kontor.api.funding.FundingRequest;
import org.kontor.api.funding.InsufficientFundsException;
import org.kontor.api.money.Money;
import org.kontor.plugins.prepaidaccount.ledger.MovementsTogether.Movement;


/**
 * The prepaid ledger: accounts, append-only entries and holds. Every movement runs in one transaction
 * that first takes the account's row (bumping {@code lock_version}), so concurrent movements on an
 * account are serialised on both databases; the cached balance and held sum change only in that
 * transaction. Every movement carries an idempotency key: the same key again returns the first result.
 *
 * <p>Credit rules (PA-2): creation, transfer and restore need the available balance (balance less active
 * holds); a renewal may use the credit line too, or go past it where the agreement allows.
 */
public final class Ledger {

    private static final String ACCOUNT_COLUMNS = "id, owner_id, scheme_id, currency, state, balance_minor, held_minor, "
            + "credit_line_minor, beyond_credit_line, payment_reference, notify_email, low_balance_threshold_minor, "
            + "upcoming_notices, auto_renew, applied_at, activated_at";

    /** The most holds and settlements one transaction commits together. */
    private static final int GROUP_COMMIT_MAX_CALLS = 64;
    /**
     * Groups that commit side by side on PostgreSQL, each for a fixed share of the owners: a group touches
     * only its own owners' accounts and holds, so two groups never wait for each other's rows. (Only one
     * idempotency key used by two owners at once can make two groups wait for each other; PostgreSQL then
     * ends one transaction as a deadlock and its calls run again one by one.) Since a group does its calls'
     * work in two statements ({@link MovementsTogether}), 2 groups measured best with a pool of 16: the larger a
     * group, the fewer statements per movement, and from about ten calls on PostgreSQL keeps the statements'
     * plans instead of planning them anew each time; 4 groups cost half again as much database time per
     * movement, 1 leaves the database waiting for one leader's round trips.
     */
    private static final int POSTGRESQL_GROUPS = 2;
    /**
     * Holds remembered from their making until their settlement, so that a settlement finds its group without
     * asking the database and a capture prepares its event before its shared transaction.
     */
    private static final int REMEMBERED_HOLDS = 100_000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final EventPublisher events;
    private final Duration holdLifetime;
    private final MovementListener listener;
    private final SecureRandom random = new SecureRandom();
    private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();
    private final Map<String, Scheme> schemes = new ConcurrentHashMap<>();
    /** Holds and settlements: concurrent calls share their transaction's commit; one group per owner partition. */
    private volatile List<GroupCommit<Movement>> groups;
    /** PostgreSQL runs a hold, and a settlement, as one statement each; decided with {@link #groups()}. */
    private volatile boolean oneStatementMovements;
    /** Recent holds by key; what is remembered of a hold never changes. */
    private final Map<String, RememberedHold> rememberedHolds = new ConcurrentHashMap<>();
    /** Holds, settlements and entries run through plain JDBC (see {@link PreparedStatements}). */
    private final PreparedStatements statements = new PreparedStatements();

    public Ledger(Jdbi jdbi, Clock clock, EventPublisher events, Duration holdLifetime) {
        this(jdbi, clock, events, holdLifetime, MovementListener.NONE);
    }

    /** A ledger that tells {@code listener} of every entry inside the transaction that writes it. */
    public Ledger(Jdbi jdbi, Clock clock, EventPublisher events, Duration holdLifetime, MovementListener listener) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.events = events;
        this.holdLifetime = holdLifetime;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    // ---- schemes and accounts ----

    public Scheme createScheme(String id, String name, Currency currency, Money minimumTopUp, boolean domainsOnly,
                               Money defaultCreditLine) {
        requireCurrency(minimumTopUp, currency);
        requireCurrency(defaultCreditLine, currency);
        if (minimumTopUp.isNegative() || defaultCreditLine.isNegative()) {
            throw new LedgerException(LedgerException.Reason.INVALID, "minimum top-up and credit line cannot be negative");
        }
        return jdbi.inTransaction(h -> {
            if (scheme(h, id).isPresent()) {
                throw new LedgerException(LedgerException.Reason.ALREADY_EXISTS, "scheme '" + id + "' exists");
            }
            h.createUpdate("INSERT INTO prepaid_account_scheme (id, name, currency, min_top_up_minor, domains_only, "
                            + "default_credit_line_minor, created_at) VALUES (:id, :name, :currency, :min, :domains, :credit, :at)")
                    .bind("id", id).bind("name", name).bind("currency", currency.getCurrencyCode())
                    .bind("min", minimumTopUp.toMinorUnits()).bind("domains", domainsOnly ? 1 : 0)
                    .bind("credit", defaultCreditLine.toMinorUnits()).bind("at", clock.millis())
                    .execute();
            return scheme(h, id).orElseThrow();
        });
    }

    public Optional<Scheme> scheme(String id) {
        return jdbi.withHandle(h -> scheme(h, id));
    }

    public List<Scheme> schemes() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM prepaid_account_scheme ORDER BY name")
                .map(Ledger::mapScheme).list());
    }

    /** An owner applies for an account under a scheme (PA-7); it draws nothing until an operator activates it. */
    public Account apply(String ownerId, String schemeId) {
        return jdbi.inTransaction(h -> {
            Optional<Account> existing = accountOfOwner(h, ownerId);
            if (existing.isPresent()) {
                if (!existing.get().schemeId().equals(schemeId)) {
                    throw new LedgerException(LedgerException.Reason.ALREADY_EXISTS,
                            "owner '" + ownerId + "' already has an account under scheme '" + existing.get().schemeId() + "'");
                }
                return existing.get();
            }
            Scheme scheme = scheme(h, schemeId).orElseThrow(() -> new LedgerException(LedgerException.Reason.INVALID,
                    "there is no deposit scheme '" + schemeId + "'"));
            String id = ids.generate().toString();
            h.createUpdate("INSERT INTO prepaid_account_account (id, owner_id, scheme_id, currency, state, credit_line_minor, "
                            + "beyond_credit_line, balance_minor, held_minor, entry_count, lock_version, payment_reference, "
                            + "low_balance_notified, upcoming_notices, auto_renew, applied_at) VALUES (:id, :owner, :scheme, "
                            + ":currency, 'APPLIED', :credit, 0, 0, 0, 0, 0, :reference, 0, 1, 0, :at)")
                    .bind("id", id).bind("owner", ownerId).bind("scheme", schemeId)
                    .bind("currency", scheme.currency().getCurrencyCode())
                    .bind("credit", scheme.defaultCreditLine().toMinorUnits())
                    .bind("reference", newPaymentReference(h)).bind("at", clock.millis())
                    .execute();
            return account(h, id).orElseThrow();
        });
    }

    /** The operator approves an application; from now on domain payments draw on the account. */
    public Account activate(String accountId, String actor) {
        return jdbi.inTransaction(h -> {
            Account account = lock(h, accountId);
            if (account.state() == AccountState.ACTIVE) {
                return account;
            }
            if (account.state() == AccountState.CLOSED) {
                throw new LedgerException(LedgerException.Reason.NOT_ACTIVE, "account " + accountId + " is closed");
            }
            h.createUpdate("UPDATE prepaid_account_account SET state = 'ACTIVE', activated_at = :at, activated_by = :actor "
                            + "WHERE id = :id")
                    .bind("at", clock.millis()).bind("actor", actor).bind("id", accountId).execute();
            return account(h, accountId).orElseThrow();
        });
    }

    /** The credit line of the reseller agreement, and whether renewals may go past it. */
    public Account setCreditLine(String accountId, Money creditLine, boolean beyondCreditLine) {
        return jdbi.inTransaction(h -> {
            Account account = lock(h, accountId);
            requireCurrency(creditLine, account.currency());
            if (creditLine.isNegative()) {
                throw new LedgerException(LedgerException.Reason.INVALID, "a credit line cannot be negative");
            }
            h.createUpdate("UPDATE prepaid_account_account SET credit_line_minor = :credit, beyond_credit_line = :beyond "
                            + "WHERE id = :id")
                    .bind("credit", creditLine.toMinorUnits()).bind("beyond", beyondCreditLine ? 1 : 0)
                    .bind("id", accountId).execute();
            return account(h, accountId).orElseThrow();
        });
    }

    public Optional<Account> account(String accountId) {
        return jdbi.withHandle(h -> account(h, accountId));
    }

    public Optional<Account> accountOfOwner(String ownerId) {
        return jdbi.withHandle(h -> accountOfOwner(h, ownerId));
    }

    /**
     * Saves the reseller's own settings (PA-12). A changed threshold forgets an earlier low-balance notice,
     * so the next movement below the new threshold is reported.
     */
    public Account saveSettings(String accountId, AccountSettings settings) {
        return jdbi.inTransaction(h -> {
            Account account = lock(h, accountId);
            Money threshold = settings.lowBalanceThreshold();
            if (threshold != null) {
                requireCurrency(threshold, account.currency());
            }
            boolean thresholdChanged = !Objects.equals(threshold, account.lowBalanceThreshold());
            h.createUpdate("UPDATE prepaid_account_account SET notify_email = :email, low_balance_threshold_minor = :threshold, "
                            + "upcoming_notices = :upcoming, auto_renew = :renew, notice_language = :language"
                            + (thresholdChanged ? ", low_balance_notified = 0" : "") + " WHERE id = :id")
                    .bind("email", settings.notifyEmail())
                    .bind("threshold", threshold == null ? null : threshold.toMinorUnits())
                    .bind("upcoming", settings.upcomingNotices() ? 1 : 0).bind("renew", settings.autoRenew() ? 1 : 0)
                    .bind("language", settings.language()).bind("id", accountId).execute();
            return account(h, accountId).orElseThrow();
        });
    }

    /** The language notices to this account are written in, as last saved with its settings. */
    public String noticeLanguage(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT notice_language FROM prepaid_account_account WHERE id = :id")
                .bind("id", accountId).mapTo(String.class).findOne().orElse(null));
    }

    /** Active and suspended accounts summed per currency (balance, held, count), by currency code. */
    public List<org.kontor.api.funding.FundsTotal> totals() {
        return jdbi.withHandle(h -> h.createQuery("SELECT currency, SUM(balance_minor) AS balance, SUM(held_minor) AS held, "
                        + "COUNT(*) AS accounts FROM prepaid_account_account WHERE state IN ('ACTIVE', 'SUSPENDED') "
                        + "GROUP BY currency ORDER BY currency")
                .map((rs, ctx) -> {
                    java.util.Currency currency = java.util.Currency.getInstance(rs.getString("currency"));
                    return new org.kontor.api.funding.FundsTotal(Money.ofMinor(rs.getLong("balance"), currency),
                            Money.ofMinor(rs.getLong("held"), currency), rs.getInt("accounts"));
                }).list());
    }

    public List<Account> accounts() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ACCOUNT_COLUMNS + " FROM prepaid_account_account ORDER BY applied_at")
                .map(Ledger::mapAccount).list());
    }

    // ---- holds ----

    /**
     * Reserves a charge on the owner's account.
     *
     * @throws InsufficientFundsException with the missing amount; nothing is held
     * @throws LedgerException            when the account is missing or not active, the scheme does not pay for
     *                                    this kind, the currency differs, or the key was used for another movement
     */
    public Hold hold(FundingRequest request) throws InsufficientFundsException {
        Hold hold = movementTransaction(request.customerId(), new MovementsTogether.Reserve(request),
                h -> reserve(h, request));
        remember(hold, request);
        return hold;
    }

    /**
     * Runs a hold or settlement in a transaction shared with concurrent holds and settlements of owners in
     * the same group (see {@link GroupCommit}): a commit costs the database more than the movement's
     * statements. SQLite has one writer and so one group; PostgreSQL has {@value #POSTGRESQL_GROUPS}, each
     * for a fixed share of the owners, so that one owner's movements stay in order and groups never lock
     * each other's rows, and there a group does the plain holds and settlements of its calls together
     * ({@link MovementsTogether}). The caller returns once its movement committed, either way.
     *
     * @param work what the callback does, for a group to do it together with others' work; null if it cannot
     */
    private <R, X extends Exception> R movementTransaction(String ownerId, Movement work, HandleCallback<R, X> callback)
            throws X {
        List<GroupCommit<Movement>> all = groups();
        return all.get(Math.floorMod(Objects.hashCode(ownerId), all.size())).inTransaction(work, callback);
    }

    /** The groups, decided from the database when first asked. */
    private List<GroupCommit<Movement>> groups() {
        List<GroupCommit<Movement>> all = this.groups;
        if (all == null) {
            boolean singleWriter = jdbi.withHandle(h -> {
                try {
                    return "SQLite".equalsIgnoreCase(h.getConnection().getMetaData().getDatabaseProductName());
                } catch (SQLException e) {
                    return false;
                }
            });
            MovementsTogether together = singleWriter ? null : new MovementsTogether(statements, clock, holdLifetime,
                    () -> ids.generate().toString(), events, listener);
            List<GroupCommit<Movement>> made = new ArrayList<>();
            for (int i = 0; i < (singleWriter ? 1 : POSTGRESQL_GROUPS); i++) {
                made.add(new GroupCommit<>(jdbi, GROUP_COMMIT_MAX_CALLS, together));
            }
            all = List.copyOf(made);
            synchronized (this) {
                if (this.groups == null) {
                    this.oneStatementMovements = !singleWriter;
                    this.groups = all;
                }
                all = this.groups;
            }
        }
        return all;
    }

    /**
     * An active hold as this ledger answered it, with its owner and its domain and period as values: a
     * settlement need not read it back (a hold's row changes only its state when settled).
     */
    private record RememberedHold(String ownerId, Hold hold, DomainName domain, Period period) {

        boolean isOf(HoldRow row) {
            return hold.accountId().equals(row.accountId()) && hold.amount().toMinorUnits() == row.amount();
        }

        /** The hold's row once the settlement's update moved it to {@code state}. */
        HoldRow settled(FundingHold.State state, Instant at, String entryId) {
            return new HoldRow(hold.id(), hold.accountId(), hold.idempotencyKey(), hold.kind(), hold.amount().toMinorUnits(),
                    hold.net().toMinorUnits(), hold.tax().toMinorUnits(), hold.domain(), hold.period(), hold.description(),
                    state, hold.expiresAt().toEpochMilli(), hold.createdAt().toEpochMilli(), at.toEpochMilli(), entryId);
        }
    }

    private void remember(Hold hold, FundingRequest request) {
        if (hold.state() != FundingHold.State.ACTIVE) {
            return; // a retried key of a hold settled since
        }
        if (rememberedHolds.size() >= REMEMBERED_HOLDS) {
            rememberedHolds.clear(); // holds never settled here; a settlement reads what it needs instead
        }
        // A retried key answers the stored hold: its domain and period are the stored ones, whatever the retry said.
        DomainName domain = request.domain() != null && request.domain().ascii().equals(hold.domain())
                ? request.domain() : hold.domain() == null ? null : DomainName.of(hold.domain());
        Period period = request.period() != null && request.period().toString().equals(hold.period())
                ? request.period() : parsePeriod(hold.period());
        rememberedHolds.put(hold.idempotencyKey(), new RememberedHold(request.customerId(), hold, domain, period));
    }

    /** The owner whose group settles a hold: remembered from the hold, else read; null for an unknown hold. */
    private String ownerOfHold(String holdKey, RememberedHold remembered) {
        if (groups().size() == 1) {
            return null;
        }
        if (remembered != null) {
            return remembered.ownerId();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT a.owner_id FROM prepaid_account_hold hd "
                        + "JOIN prepaid_account_account a ON a.id = hd.account_id WHERE hd.idempotency_key = :key")
                .bind("key", holdKey).mapTo(String.class).findOne().orElse(null));
    }

    /** How many holds and settlements wait for a shared transaction (for tests). */
    int callsWaitingForCommit() {
        return groups().stream().mapToInt(GroupCommit::waiting).sum();
    }

    /*
     * Lock order, the same in every movement: a hold's row first, then its account's row. A hold inserts its
     * row (or finds the key taken) and then reserves on the account with one conditional update; a settlement
     * moves its hold out of ACTIVE with one conditional update and then moves the account. The account's row
     * is therefore locked only for the last statements before the commit.
     */

    /**
     * The fast path of a hold: one insert writes the hold unless its key exists, one conditional update
     * reserves the amount where the credit rules allow it. Anything else (an unknown or inactive account, lack
     * of funds) is explained by {@link #explainRefusal}; the transaction then rolls the hold back.
     */
    private Hold reserve(Handle h, FundingRequest request) throws InsufficientFundsException {
        String id = ids.generate().toString();
        Instant now = Instant.ofEpochMilli(clock.millis()); // as stored, so that the hold answered is the hold read back
        Instant expires = now.plus(holdLifetime);
        String domain = request.domain() == null ? null : request.domain().ascii();
        String period = request.period() == null ? null : request.period().toString();
        if (oneStatementMovements) {
            return reserveInOneStatement(h, request, id, now, expires, domain, period);
        }
        int inserted = statements.update(h, INSERT_HOLD,
                st -> setHoldParameters(st, request, id, now, expires, domain, period));
        if (inserted == 0) {
            // Nothing was written: the key was held before (answer that hold), or the owner has no account.
            return sameHoldOrRefuse(h, request).orElseThrow(() -> new LedgerException(LedgerException.Reason.NO_ACCOUNT,
                    "'" + request.customerId() + "' has no prepaid account"));
        }
        return held(h, request, tryReserve(h, request), id, now, expires, domain, period);
    }

    /**
     * The hold once its row is written: reserved on the account, or refused (the account changed between the
     * update's look and now: explained under the lock, or reserved on a second try).
     */
    private Hold held(Handle h, FundingRequest request, Optional<ReservedOn> reserved, String id, Instant now,
                      Instant expires, String domain, String period) throws InsufficientFundsException {
        if (reserved.isEmpty()) {
            explainRefusal(h, request);
            reserved = tryReserve(h, request);
            if (reserved.isEmpty()) {
                throw new IllegalStateException("the account refused hold " + request.key() + " under its lock for no known reason");
            }
        }
        ReservedOn account = reserved.get();
        if (!payable(h, account.schemeId(), request.kind())) {
            throw notPayable(request.kind());
        }
        return new Hold(id, account.accountId(), request.key().value(), request.kind(), request.amount(), request.net(),
                request.tax(), domain, period, request.description(), FundingHold.State.ACTIVE, expires, now, null, null);
    }

    /** The account a hold was reserved on, as far as the hold needs it. */
    private record ReservedOn(String accountId, String schemeId) {
    }

    /**
     * A hold as one statement (PostgreSQL): insert the hold unless its key exists, then reserve on its account
     * where the credit rules allow it. The hold's row is written before the account's row is locked, the order
     * every movement keeps. What follows a refusal is the same as in {@link #reserve}.
     */
    private Hold reserveInOneStatement(Handle h, FundingRequest request, String id, Instant now, Instant expires,
                                       String domain, String period) throws InsufficientFundsException {
        boolean renewal = request.kind() == ChargeKind.DOMAIN_RENEW;
        long amount = request.amount().toMinorUnits();
        Optional<Optional<ReservedOn>> outcome = statements.one(h, renewal ? HOLD_AND_RESERVE_RENEWAL : HOLD_AND_RESERVE,
                st -> {
                    setHoldParameters(st, request, id, now, expires, domain, period);
                    st.setLong(13, amount);
                    st.setString(14, request.amount().currencyCode());
                    st.setLong(15, amount);
                },
                rs -> rs.getString(1) == null ? Optional.<ReservedOn>empty() : Optional.of(mapReservedOn(rs)));
        if (outcome.isEmpty()) {
            return sameHoldOrRefuse(h, request).orElseThrow(() -> new LedgerException(LedgerException.Reason.NO_ACCOUNT,
                    "'" + request.customerId() + "' has no prepaid account"));
        }
        return held(h, request, outcome.get(), id, now, expires, domain, period);
    }

    /** Inserts a hold unless its key exists; parameters 1–12 as {@link #setHoldParameters} sets them. */
    private static final String INSERT_HOLD = "INSERT INTO prepaid_account_hold (id, account_id, idempotency_key, "
            + "charge_kind, amount_minor, net_minor, tax_minor, domain, period, description, state, expires_at, created_at) "
            + "SELECT ?, a.id, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ? FROM prepaid_account_account a WHERE a.owner_id = ? "
            + "ON CONFLICT (idempotency_key) DO NOTHING";
    /** What a creation (and anything but a renewal) needs: the available balance. Parameter: the amount. */
    private static final String FUNDS_FOR_CREATION = "balance_minor - held_minor >= ?";
    /** What a renewal needs: the available balance with the credit line, or an agreement beyond it. */
    private static final String FUNDS_FOR_RENEWAL = "(beyond_credit_line = 1 OR balance_minor - held_minor + credit_line_minor >= ?)";
    private static final String RESERVE = "UPDATE prepaid_account_account SET held_minor = held_minor + ?, "
            + "lock_version = lock_version + 1 WHERE owner_id = ? AND state = 'ACTIVE' AND currency = ? AND ";
    /** The columns of {@link ReservedOn}: a hold needs no more of its account, and each column returned costs. */
    private static final String RESERVED_ON_COLUMNS = "id, scheme_id";
    /** Parameters: amount, owner, currency, amount. */
    private static final String TRY_RESERVE = RESERVE + FUNDS_FOR_CREATION + " RETURNING " + RESERVED_ON_COLUMNS;
    private static final String TRY_RESERVE_RENEWAL = RESERVE + FUNDS_FOR_RENEWAL + " RETURNING " + RESERVED_ON_COLUMNS;
    private static final String HOLD_AND_RESERVE_START = "WITH inserted AS (" + INSERT_HOLD + " RETURNING account_id), "
            + "reserved AS (UPDATE prepaid_account_account SET held_minor = held_minor + ?, lock_version = lock_version + 1 "
            + "WHERE id = (SELECT account_id FROM inserted) AND state = 'ACTIVE' AND currency = ? AND ";
    private static final String HOLD_AND_RESERVE_END = " RETURNING " + RESERVED_ON_COLUMNS + ") "
            + "SELECT r.* FROM inserted i LEFT JOIN reserved r ON TRUE";
    /** Parameters 1–12 as {@link #setHoldParameters}, then amount, currency, amount. */
    private static final String HOLD_AND_RESERVE = HOLD_AND_RESERVE_START + FUNDS_FOR_CREATION + HOLD_AND_RESERVE_END;
    private static final String HOLD_AND_RESERVE_RENEWAL = HOLD_AND_RESERVE_START + FUNDS_FOR_RENEWAL + HOLD_AND_RESERVE_END;

    private static void setHoldParameters(PreparedStatement st, FundingRequest request, String id, Instant now,
                                          Instant expires, String domain, String period) throws SQLException {
        st.setString(1, id);
        st.setString(2, request.key().value());
        st.setString(3, request.kind().name());
        st.setLong(4, request.amount().toMinorUnits());
        st.setLong(5, request.net().toMinorUnits());
        st.setLong(6, request.tax().toMinorUnits());
        setText(st, 7, domain);
        setText(st, 8, period);
        setText(st, 9, request.description());
        st.setLong(10, expires.toEpochMilli());
        st.setLong(11, now.toEpochMilli());
        st.setString(12, request.customerId());
    }

    /** Takes the account's lock and reserves the amount where the credit rules allow it, in one statement. */
    private Optional<ReservedOn> tryReserve(Handle h, FundingRequest request) {
        long amount = request.amount().toMinorUnits();
        return statements.one(h, request.kind() == ChargeKind.DOMAIN_RENEW ? TRY_RESERVE_RENEWAL : TRY_RESERVE, st -> {
            st.setLong(1, amount);
            st.setString(2, request.customerId());
            st.setString(3, request.amount().currencyCode());
            st.setLong(4, amount);
        }, Ledger::mapReservedOn);
    }

    private static ReservedOn mapReservedOn(ResultSet rs) throws SQLException {
        return new ReservedOn(rs.getString(1), rs.getString(2));
    }

    /**
     * Says why a hold was refused, in the order a person would want to know it, under the account's lock;
     * returns normally when the account would allow it now.
     */
    private void explainRefusal(Handle h, FundingRequest request) throws InsufficientFundsException {
        Account account = lockOwner(h, request.customerId());
        requireActive(account);
        requireCurrency(request.amount(), account.currency());
        if (!payable(h, account.schemeId(), request.kind())) {
            throw notPayable(request.kind());
        }
        checkFunds(account, request);
    }

    /** The hold made earlier with this request's key, if it is the same hold; another hold under the key is refused. */
    private Optional<Hold> sameHoldOrRefuse(Handle h, FundingRequest request) {
        Optional<Hold> existing = holdByKey(h, request.key().value());
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        Hold hold = existing.get();
        boolean sameAccount = accountOfOwner(h, request.customerId()).map(a -> a.id().equals(hold.accountId())).orElse(false);
        if (!sameAccount || !hold.amount().equals(request.amount()) || hold.kind() != request.kind()) {
            throw keyReused(request.key().value());
        }
        return existing;
    }

    private boolean payable(Handle h, String schemeId, ChargeKind kind) {
        return kind.isDomainService() || !schemeOf(h, schemeId).domainsOnly();
    }

    private static LedgerException notPayable(ChargeKind kind) {
        return new LedgerException(LedgerException.Reason.NOT_PAYABLE, "the deposit pays for domain services only, not " + kind);
    }

    /** Charges a held amount: writes the charge entry. Capturing a captured hold returns it unchanged. */
    public Hold capture(String holdKey) {
        return settlement(holdKey, FundingHold.State.CAPTURED);
    }

    /** Gives a held amount back. Releasing twice is harmless; a captured hold cannot be released. */
    public Hold release(String holdKey) {
        return settlement(holdKey, FundingHold.State.RELEASED);
    }

    private Hold settlement(String holdKey, FundingHold.State target) {
        RememberedHold remembered = rememberedHolds.get(holdKey);
        Charge charge = target == FundingHold.State.CAPTURED ? prepareCharge(remembered) : null;
        Movement work = remembered == null ? null : charge == null
                ? new MovementsTogether.Settle(remembered.hold(), target, null, Instant.ofEpochMilli(clock.millis()), null)
                : new MovementsTogether.Settle(remembered.hold(), target, charge.entryId(), charge.at(), charge.event());
        Hold hold = movementTransaction(ownerOfHold(holdKey, remembered), work,
                h -> settle(h, holdKey, target, remembered, charge));
        rememberedHolds.remove(holdKey);
        return hold;
    }

    /**
     * What a capture writes that can be made before its shared transaction: the charge entry's id and time, and,
     * for a remembered hold, its {@code PrepaidCharged} event ready for the outbox (on SQLite the group's one
     * writer would otherwise write every capture's JSON while the others wait).
     */
    private Charge prepareCharge(RememberedHold remembered) {
        String entryId = ids.generate().toString();
        Instant at = Instant.ofEpochMilli(clock.millis()); // as stored
        if (remembered == null) {
            return new Charge(entryId, at, null, null);
        }
        Hold hold = remembered.hold();
        PreparedEvent event = events.prepare(new PrepaidCharged(hold.accountId(), remembered.ownerId(), entryId,
                hold.kind(), remembered.domain(), remembered.period(), hold.amount(), hold.net(), hold.tax(), at));
        return new Charge(entryId, at, remembered, event);
    }

    /** A capture's entry id and time, and its event when prepared from the remembered hold (else null). */
    private record Charge(String entryId, Instant at, RememberedHold hold, PreparedEvent event) {

        /** The prepared event, if it was made from this very hold. */
        Optional<PreparedEvent> eventFor(HoldRow row) {
            return event != null && hold.isOf(row) ? Optional.of(event) : Optional.empty();
        }
    }

    /**
     * Moves a hold out of ACTIVE with one conditional update, then moves its account. A hold this ledger made
     * and remembers is not read back.
     */
    private Hold settle(Handle h, String holdKey, FundingHold.State target, RememberedHold remembered, Charge charge) {
        boolean capture = target == FundingHold.State.CAPTURED;
        String entryId = capture ? charge.entryId() : null;
        Instant now = capture ? charge.at() : Instant.ofEpochMilli(clock.millis());
        if (oneStatementMovements) {
            Optional<Hold> settled = settleInOneStatement(h, holdKey, target, charge, now);
            if (settled.isPresent()) {
                return settled.get();
            }
            return alreadySettled(h, holdKey, target);
        }
        Optional<HoldRow> settled;
        if (remembered != null) {
            int changed = statements.update(h, SETTLE_HOLD, st -> setSettleParameters(st, holdKey, target, entryId, now));
            settled = changed == 0 ? Optional.empty() : Optional.of(remembered.settled(target, now, entryId));
        } else {
            settled = statements.one(h, SETTLE_HOLD + " RETURNING " + HOLD_COLUMNS,
                    st -> setSettleParameters(st, holdKey, target, entryId, now), rs -> mapHoldRow(rs, 1));
        }
        if (settled.isEmpty()) {
            return alreadySettled(h, holdKey, target);
        }
        HoldRow row = settled.get();
        AccountAfter after = move(h, row.accountId(), capture ? -row.amount() : 0, -row.amount());
        Hold hold = row.toHold(after.currency());
        if (capture) {
            Entry entry = writeEntry(h, after, entryId, chargeEntry(hold), now);
            charged(h, after, hold, entry, charge.eventFor(row));
        }
        return hold;
    }

    /** A settlement of a hold that is no longer active: the same settlement again returns the hold. */
    private static Hold alreadySettled(Handle h, String holdKey, FundingHold.State target) {
        Hold hold = holdByKey(h, holdKey).orElseThrow(() ->
                new LedgerException(LedgerException.Reason.NO_HOLD, "there is no hold " + holdKey));
        if (hold.state() == target) {
            return hold;
        }
        throw new LedgerException(LedgerException.Reason.HOLD_SETTLED, target == FundingHold.State.CAPTURED
                ? "hold " + holdKey + " was released" : "hold " + holdKey + " was captured; refund it instead");
    }

    private static NewEntry chargeEntry(Hold hold) {
        return new NewEntry(EntryKind.CHARGE, hold.amount().negate(), hold.idempotencyKey() + ":capture", hold.id(),
                hold.kind(), hold.domain(), hold.period(), hold.net(), hold.tax(), hold.description(), null, null, null);
    }

    /** Publishes the capture's {@code PrepaidCharged}: the one prepared before the transaction, else made now. */
    private void charged(Handle h, AccountAfter account, Hold hold, Entry entry, Optional<PreparedEvent> prepared) {
        if (prepared.isPresent()) {
            events.publish(h, prepared.get());
            return;
        }
        events.publish(h, new PrepaidCharged(account.accountId(), account.ownerId(), entry.id(), hold.kind(),
                hold.domain() == null ? null : DomainName.of(hold.domain()), parsePeriod(hold.period()),
                hold.amount(), hold.net(), hold.tax(), entry.createdAt()));
    }

    /**
     * A settlement as one statement (PostgreSQL): move the hold out of ACTIVE, then its account, and for a
     * capture write the charge entry with the account's new balance and sequence number. Empty when the
     * hold is not active.
     */
    private Optional<Hold> settleInOneStatement(Handle h, String holdKey, FundingHold.State target, Charge charge,
                                                Instant now) {
        boolean capture = target == FundingHold.State.CAPTURED;
        String entryId = capture ? charge.entryId() : null;
        return statements.one(h, capture ? CAPTURE_IN_ONE_STATEMENT : RELEASE_IN_ONE_STATEMENT, st -> {
                    setSettleParameters(st, holdKey, target, entryId, now);
                    if (capture) {
                        st.setString(5, entryId);
                        st.setString(6, holdKey + ":capture");
                        st.setLong(7, now.toEpochMilli());
                    }
                }, rs -> {
                    HoldRow row = mapHoldRow(rs, 1);
                    if (rs.getString(HOLD_COLUMN_COUNT + 1) == null) {
                        throw new IllegalStateException("account " + row.accountId()
                                + " would hold less than nothing; its holds disagree");
                    }
                    AccountAfter after = AccountAfter.read(rs, HOLD_COLUMN_COUNT + 1);
                    Hold hold = row.toHold(after.currency());
                    if (capture) {
                        NewEntry chargeEntry = chargeEntry(hold);
                        Entry entry = new Entry(entryId, after.accountId(), after.entryCount(), EntryKind.CHARGE,
                                chargeEntry.amount(), Money.ofMinor(after.balance(), after.currency()), chargeEntry.key(),
                                hold.id(), hold.kind(), hold.domain(), hold.period(), hold.net(), hold.tax(),
                                hold.description(), null, null, null, now);
                        return new Settled(hold, after, entry, charge.eventFor(row));
                    }
                    return new Settled(hold, after, null, Optional.empty());
                })
                .map(settled -> {
                    if (settled.entry() != null) {
                        listener.moved(h, settled.entry(), settled.after().threshold());
                        charged(h, settled.after(), settled.hold(), settled.entry(), settled.event());
                    }
                    return settled.hold();
                });
    }

    /** Moves an active hold to the target state. Parameters: state, settled at, entry id, hold key. */
    private static final String SETTLE_HOLD = "UPDATE prepaid_account_hold SET state = ?, settled_at = ?, entry_id = ? "
            + "WHERE idempotency_key = ? AND state = 'ACTIVE'";
    private static final String HOLD_COLUMNS = "id, account_id, idempotency_key, charge_kind, amount_minor, net_minor, "
            + "tax_minor, domain, period, description, state, expires_at, created_at, settled_at, entry_id";
    private static final int HOLD_COLUMN_COUNT = 15;

    private static String settlementInOneStatement(boolean capture) {
        return "WITH settled AS (" + SETTLE_HOLD + " RETURNING " + HOLD_COLUMNS + "), "
                + "moved AS (UPDATE prepaid_account_account a SET "
                + (capture ? "balance_minor = a.balance_minor - s.amount_minor, entry_count = a.entry_count + 1, " : "")
                + "held_minor = a.held_minor - s.amount_minor, lock_version = a.lock_version + 1 FROM settled s "
                + "WHERE a.id = s.account_id AND a.held_minor - s.amount_minor >= 0 RETURNING a.id AS acct_id, "
                + "a.owner_id, a.currency, a.entry_count, a.balance_minor AS acct_balance_minor, "
                + "a.low_balance_threshold_minor)"
                + (capture ? ", charged AS (INSERT INTO prepaid_account_entry (id, account_id, seq, kind, amount_minor, "
                + "balance_after_minor, idempotency_key, hold_id, charge_kind, domain, period, net_minor, tax_minor, "
                + "description, created_at) SELECT ?, m.acct_id, m.entry_count, 'CHARGE', -s.amount_minor, "
                + "m.acct_balance_minor, ?, s.id, s.charge_kind, s.domain, s.period, s.net_minor, s.tax_minor, "
                + "s.description, ? FROM moved m, settled s)" : "")
                + " SELECT s.*, m.* FROM settled s LEFT JOIN moved m ON TRUE";
    }

    /**
     * Parameters 1–4 as {@link #setSettleParameters}; a capture's then the entry id, the entry's key and its time.
     * Columns: the hold's ({@link #HOLD_COLUMNS}), then the account's as {@link AccountAfter} reads them.
     */
    private static final String CAPTURE_IN_ONE_STATEMENT = settlementInOneStatement(true);
    private static final String RELEASE_IN_ONE_STATEMENT = settlementInOneStatement(false);

    private static void setSettleParameters(PreparedStatement st, String holdKey, FundingHold.State target,
                                            String entryId, Instant now) throws SQLException {
        st.setString(1, target.name());
        st.setLong(2, now.toEpochMilli());
        setText(st, 3, entryId);
        st.setString(4, holdKey);
    }

    private record Settled(Hold hold, AccountAfter after, Entry entry, Optional<PreparedEvent> event) {
    }

    /** A hold as stored, before its account's currency is known. */
    private record HoldRow(String id, String accountId, String key, ChargeKind kind, long amount, long net, long tax,
                           String domain, String period, String description, FundingHold.State state, long expiresAt,
                           long createdAt, Long settledAt, String entryId) {

        Hold toHold(Currency currency) {
            return new Hold(id, accountId, key, kind, Money.ofMinor(amount, currency), Money.ofMinor(net, currency),
                    Money.ofMinor(tax, currency), domain, period, description, state, Instant.ofEpochMilli(expiresAt),
                    Instant.ofEpochMilli(createdAt), settledAt == null ? null : Instant.ofEpochMilli(settledAt), entryId);
        }
    }

    /** A hold from {@link #HOLD_COLUMNS}, the first of them at column {@code first}. */
    private static HoldRow mapHoldRow(ResultSet rs, int first) throws SQLException {
        int c = first;
        return new HoldRow(rs.getString(c), rs.getString(c + 1), rs.getString(c + 2), ChargeKind.valueOf(rs.getString(c + 3)),
                rs.getLong(c + 4), rs.getLong(c + 5), rs.getLong(c + 6), rs.getString(c + 7), rs.getString(c + 8),
                rs.getString(c + 9), FundingHold.State.valueOf(rs.getString(c + 10)), rs.getLong(c + 11),
                rs.getLong(c + 12), getLong(rs, c + 13), rs.getString(c + 14));
    }

    public Optional<Hold> holdOf(String holdKey) {
        return jdbi.withHandle(h -> holdByKey(h, holdKey));
    }

    public List<Hold> holds(String accountId, FundingHold.State state) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM prepaid_account_hold WHERE account_id = :account "
                        + "AND state = :state ORDER BY created_at")
                .bind("account", accountId).bind("state", state.name())
                .map((rs, ctx) -> mapHold(rs, currencyOf(h, accountId))).list());
    }

    // ---- entries without a hold ----

    /** Credits a paid top-up (PA-5). */
    public Entry topUp(String accountId, String key, Money amount, String description, String actor) {
        requirePositive(amount);
        return movement(accountId, key, new NewEntry(EntryKind.TOP_UP, amount, key, null, null, null, null, null, null,
                description, null, null, actor));
    }

    /** Gives money back to the account, e.g. for a domain deleted within its grace period. */
    public Entry refund(String accountId, String key, Money amount, String reason, String actor) {
        requirePositive(amount);
        return movement(accountId, key, new NewEntry(EntryKind.REFUND, amount, key, null, null, null, null, null, null,
                null, requireReason(reason), null, actor));
    }

    /** An operator's correction, positive or negative, always with a reason. */
    public Entry adjust(String accountId, String key, Money signedAmount, String reason, String actor) {
        if (signedAmount.isZero()) {
            throw new LedgerException(LedgerException.Reason.INVALID, "an adjustment of zero moves nothing");
        }
        return movement(accountId, key, new NewEntry(EntryKind.ADJUSTMENT, signedAmount, key, null, null, null, null,
                null, null, null, requireReason(reason), null, actor));
    }

    /** Undoes an entry with an opposite one; an entry can be reversed once. */
    public Entry reverse(String entryId, String key, String reason, String actor) {
        Entry original = jdbi.withHandle(h -> entry(h, entryId)).orElseThrow(() ->
                new LedgerException(LedgerException.Reason.INVALID, "there is no entry " + entryId));
        if (original.kind() == EntryKind.REVERSAL) {
            throw new LedgerException(LedgerException.Reason.INVALID, "a reversal cannot be reversed; adjust instead");
        }
        return movement(original.accountId(), key, new NewEntry(EntryKind.REVERSAL, original.amount().negate(), key,
                null, null, null, null, null, null, null, requireReason(reason), entryId, actor));
    }

    public List<Entry> entries(String accountId, EntryFilter filter) {
        return jdbi.withHandle(h -> {
            Currency currency = currencyOf(h, accountId);
            StringBuilder sql = new StringBuilder("SELECT * FROM prepaid_account_entry WHERE account_id = :account");
            if (filter.from() != null) {
                sql.append(" AND created_at >= :from");
            }
            if (filter.until() != null) {
                sql.append(" AND created_at < :until");
            }
            if (!filter.kinds().isEmpty()) {
                sql.append(" AND kind IN (<kinds>)");
            }
            sql.append(" ORDER BY seq DESC LIMIT :limit OFFSET :offset");
            var query = h.createQuery(sql.toString()).bind("account", accountId)
                    .bind("limit", filter.limit()).bind("offset", filter.offset());
            if (filter.from() != null) {
                query.bind("from", filter.from().toEpochMilli());
            }
            if (filter.until() != null) {
                query.bind("until", filter.until().toEpochMilli());
            }
            if (!filter.kinds().isEmpty()) {
                query.bindList("kinds", filter.kinds().stream().map(Enum::name).toList());
            }
            return query.map((rs, ctx) -> mapEntry(rs, currency)).list();
        });
    }

    public Optional<Entry> entry(String entryId) {
        return jdbi.withHandle(h -> entry(h, entryId));
    }

    /** The entry written under an idempotency key, if any. */
    public Optional<Entry> entryWithKey(String key) {
        return jdbi.withHandle(h -> entryByKey(h, key));
    }

    /** Whether an entry has been reversed. */
    public boolean isReversed(String entryId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM prepaid_account_entry WHERE reverses_entry_id = :id")
                .bind("id", entryId).mapTo(Integer.class).one() > 0);
    }

    // ---- internals ----

    private record NewEntry(EntryKind kind, Money amount, String key, String holdId, ChargeKind chargeKind,
                            String domain, String period, Money net, Money tax, String description, String reason,
                            String reversesEntryId, String actor) {
    }

    private Entry movement(String accountId, String key, NewEntry entry) {
        Objects.requireNonNull(key, "key");
        return jdbi.inTransaction(h -> {
            Account account = lock(h, accountId);
            Optional<Entry> existing = entryByKey(h, key);
            if (existing.isPresent()) {
                Entry found = existing.get();
                if (!found.accountId().equals(accountId) || found.kind() != entry.kind()
                        || !found.amount().equals(entry.amount())) {
                    throw keyReused(key);
                }
                return found;
            }
            requireCurrency(entry.amount(), account.currency());
            if (account.state() == AccountState.CLOSED) {
                throw new LedgerException(LedgerException.Reason.NOT_ACTIVE, "account " + accountId + " is closed");
            }
            if (entry.reversesEntryId() != null && h.createQuery(
                    "SELECT COUNT(*) FROM prepaid_account_entry WHERE reverses_entry_id = :id")
                    .bind("id", entry.reversesEntryId()).mapTo(Integer.class).one() > 0) {
                throw new LedgerException(LedgerException.Reason.INVALID,
                        "entry " + entry.reversesEntryId() + " was reversed already");
            }
            return append(h, account, entry);
        });
    }

    /** Writes an entry and moves the cached balance with it; the caller holds the account's lock. */
    private Entry append(Handle h, Account account, NewEntry entry) {
        AccountAfter after = move(h, account.id(), entry.amount().toMinorUnits(), 0);
        return writeEntry(h, after, ids.generate().toString(), entry, clock.instant());
    }

    /**
     * What a movement needs of its account once moved: the sequence number its entry takes, the balance after it,
     * and the low-balance threshold for the {@link MovementListener}. Each column a statement returns costs the
     * SQLite driver a name and a value, on the path every grouped movement waits for.
     */
    private record AccountAfter(String accountId, String ownerId, Currency currency, long entryCount, long balance,
                                Long lowBalanceThreshold) {

        /** Read from {@link #ACCOUNT_AFTER_COLUMNS}, the first of them at column {@code first}. */
        static AccountAfter read(ResultSet rs, int first) throws SQLException {
            return new AccountAfter(rs.getString(first), rs.getString(first + 1), Currency.getInstance(rs.getString(first + 2)),
                    rs.getLong(first + 3), rs.getLong(first + 4), getLong(rs, first + 5));
        }

        Money threshold() {
            return lowBalanceThreshold == null ? null : Money.ofMinor(lowBalanceThreshold, currency);
        }
    }

    private static final String ACCOUNT_AFTER_COLUMNS = "id, owner_id, currency, entry_count, balance_minor, "
            + "low_balance_threshold_minor";

    /**
     * Moves the cached balance and held sum in one statement that also takes the account's lock; a balance
     * movement counts as an entry.
     */
    private AccountAfter move(Handle h, String accountId, long balanceDelta, long heldDelta) {
        return statements.one(h, MOVE, st -> {
                    st.setLong(1, balanceDelta);
                    st.setLong(2, heldDelta);
                    st.setLong(3, balanceDelta == 0 ? 0 : 1);
                    st.setString(4, accountId);
                    st.setLong(5, heldDelta);
                }, rs -> AccountAfter.read(rs, 1))
                .orElseThrow(() -> heldDelta < 0
                        ? new IllegalStateException("account " + accountId + " would hold less than nothing; its holds disagree")
                        : new LedgerException(LedgerException.Reason.NO_ACCOUNT, "there is no prepaid account " + accountId));
    }

    /** Parameters: the account's deltas of balance, held sum and entry count, its id, the held delta again. */
    private static final String MOVE = "UPDATE prepaid_account_account SET balance_minor = balance_minor + ?, "
            + "held_minor = held_minor + ?, entry_count = entry_count + ?, lock_version = lock_version + 1 "
            + "WHERE id = ? AND held_minor + ? >= 0 RETURNING " + ACCOUNT_AFTER_COLUMNS;
    private static final String INSERT_ENTRY = "INSERT INTO prepaid_account_entry (id, account_id, seq, kind, amount_minor, "
            + "balance_after_minor, idempotency_key, hold_id, charge_kind, domain, period, net_minor, tax_minor, description, "
            + "reason, reverses_entry_id, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private Entry writeEntry(Handle h, AccountAfter after, String id, NewEntry entry, Instant at) {
        statements.update(h, INSERT_ENTRY, st -> {
            st.setString(1, id);
            st.setString(2, after.accountId());
            st.setLong(3, after.entryCount());
            st.setString(4, entry.kind().name());
            st.setLong(5, entry.amount().toMinorUnits());
            st.setLong(6, after.balance());
            st.setString(7, entry.key());
            setText(st, 8, entry.holdId());
            setText(st, 9, entry.chargeKind() == null ? null : entry.chargeKind().name());
            setText(st, 10, entry.domain());
            setText(st, 11, entry.period());
            setLong(st, 12, entry.net() == null ? null : entry.net().toMinorUnits());
            setLong(st, 13, entry.tax() == null ? null : entry.tax().toMinorUnits());
            setText(st, 14, entry.description());
            setText(st, 15, entry.reason());
            setText(st, 16, entry.reversesEntryId());
            setText(st, 17, entry.actor());
            st.setLong(18, at.toEpochMilli());
        });
        Entry written = new Entry(id, after.accountId(), after.entryCount(), entry.kind(), entry.amount(),
                Money.ofMinor(after.balance(), after.currency()), entry.key(), entry.holdId(), entry.chargeKind(),
                entry.domain(), entry.period(), entry.net(), entry.tax(), entry.description(), entry.reason(),
                entry.reversesEntryId(), entry.actor(), at);
        listener.moved(h, written, after.threshold());
        return written;
    }

    private void checkFunds(Account account, FundingRequest request) throws InsufficientFundsException {
        Money amount = request.amount();
        if (request.kind() == ChargeKind.DOMAIN_RENEW) {
            if (account.beyondCreditLine()) {
                return;
            }
            Money usable = account.availableForRenewal();
            if (usable.isLessThan(amount)) {
                throw new InsufficientFundsException(amount.minus(usable), positiveOrZero(usable));
            }
            return;
        }
        Money available = account.available();
        if (available.isLessThan(amount)) {
            throw new InsufficientFundsException(amount.minus(positiveOrZero(available)), positiveOrZero(available));
        }
    }

    private static Money positiveOrZero(Money money) {
        return money.isNegative() ? Money.zero(money.currency()) : money;
    }

    /** Takes the account's row lock (a no-op update) and reads it. */
    private Account lock(Handle h, String accountId) {
        int rows = h.createUpdate("UPDATE prepaid_account_account SET lock_version = lock_version + 1 WHERE id = :id")
                .bind("id", accountId).execute();
        if (rows == 0) {
            throw new LedgerException(LedgerException.Reason.NO_ACCOUNT, "there is no prepaid account " + accountId);
        }
        return account(h, accountId).orElseThrow();
    }

    private Account lockOwner(Handle h, String ownerId) {
        int rows = h.createUpdate("UPDATE prepaid_account_account SET lock_version = lock_version + 1 WHERE owner_id = :owner")
                .bind("owner", ownerId).execute();
        if (rows == 0) {
            throw new LedgerException(LedgerException.Reason.NO_ACCOUNT, "'" + ownerId + "' has no prepaid account");
        }
        return accountOfOwner(h, ownerId).orElseThrow();
    }

    private static void requireActive(Account account) {
        if (account.state() != AccountState.ACTIVE) {
            throw new LedgerException(LedgerException.Reason.NOT_ACTIVE,
                    "the prepaid account is " + account.state().name().toLowerCase() + ", not active");
        }
    }

    private static void requireCurrency(Money amount, Currency currency) {
        if (!amount.currency().equals(currency)) {
            throw new LedgerException(LedgerException.Reason.WRONG_CURRENCY,
                    "the account is kept in " + currency.getCurrencyCode() + ", not " + amount.currencyCode());
        }
    }

    private static void requirePositive(Money amount) {
        if (!amount.isPositive()) {
            throw new LedgerException(LedgerException.Reason.INVALID, "the amount must be positive, was " + amount);
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new LedgerException(LedgerException.Reason.INVALID, "a reason is required");
        }
        return reason.strip();
    }

    private static LedgerException keyReused(String key) {
        return new LedgerException(LedgerException.Reason.KEY_REUSED,
                "idempotency key '" + key + "' was used for a different movement");
    }

    private String newPaymentReference(Handle h) {
        while (true) {
            String reference = Long.toString(1_000_000_000L + (long) (random.nextDouble() * 8_999_999_999L));
            boolean taken = h.createQuery("SELECT COUNT(*) FROM prepaid_account_account WHERE payment_reference = :ref")
                    .bind("ref", reference).mapTo(Integer.class).one() > 0;
            if (!taken) {
                return reference;
            }
        }
    }

    private static Period parsePeriod(String text) {
        if (text == null) {
            return null;
        }
        int value = Integer.parseInt(text.substring(0, text.length() - 1));
        return text.endsWith("m") ? Period.months(value) : Period.years(value);
    }

    static Optional<Scheme> scheme(Handle h, String id) {
        return h.createQuery("SELECT * FROM prepaid_account_scheme WHERE id = :id").bind("id", id)
                .map(Ledger::mapScheme).findOne();
    }

    static Optional<Account> account(Handle h, String id) {
        return h.createQuery("SELECT " + ACCOUNT_COLUMNS + " FROM prepaid_account_account WHERE id = :id").bind("id", id)
                .map(Ledger::mapAccount).findOne();
    }

    static Optional<Account> accountOfOwner(Handle h, String ownerId) {
        return h.createQuery("SELECT " + ACCOUNT_COLUMNS + " FROM prepaid_account_account WHERE owner_id = :owner")
                .bind("owner", ownerId).map(Ledger::mapAccount).findOne();
    }

    private static Currency currencyOf(Handle h, String accountId) {
        return h.createQuery("SELECT currency FROM prepaid_account_account WHERE id = :id").bind("id", accountId)
                .mapTo(String.class).findOne().map(Currency::getInstance)
                .orElseThrow(() -> new LedgerException(LedgerException.Reason.NO_ACCOUNT, "there is no prepaid account " + accountId));
    }

    private static Optional<Hold> holdByKey(Handle h, String key) {
        return h.createQuery("SELECT hd.*, a.currency FROM prepaid_account_hold hd JOIN prepaid_account_account a "
                        + "ON a.id = hd.account_id WHERE hd.idempotency_key = :key")
                .bind("key", key).map((rs, ctx) -> mapHold(rs, Currency.getInstance(rs.getString("currency")))).findOne();
    }

    private static Optional<Entry> entryByKey(Handle h, String key) {
        return h.createQuery("SELECT e.*, a.currency FROM prepaid_account_entry e JOIN prepaid_account_account a "
                        + "ON a.id = e.account_id WHERE e.idempotency_key = :key")
                .bind("key", key).map((rs, ctx) -> mapEntry(rs, Currency.getInstance(rs.getString("currency")))).findOne();
    }

    private static Optional<Entry> entry(Handle h, String id) {
        return h.createQuery("SELECT e.*, a.currency FROM prepaid_account_entry e JOIN prepaid_account_account a "
                        + "ON a.id = e.account_id WHERE e.id = :id")
                .bind("id", id).map((rs, ctx) -> mapEntry(rs, Currency.getInstance(rs.getString("currency")))).findOne();
    }

    private static Scheme mapScheme(ResultSet rs, StatementContext ctx) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new Scheme(rs.getString("id"), rs.getString("name"), currency,
                Money.ofMinor(rs.getLong("min_top_up_minor"), currency), rs.getInt("domains_only") == 1,
                Money.ofMinor(rs.getLong("default_credit_line_minor"), currency));
    }

    private static Account mapAccount(ResultSet rs, StatementContext ctx) throws SQLException {
        return mapAccount(rs, 1);
    }

    /** An account from {@link #ACCOUNT_COLUMNS}, the first of them at column {@code first}. */
    private static Account mapAccount(ResultSet rs, int first) throws SQLException {
        int c = first;
        Currency currency = Currency.getInstance(rs.getString(c + 3));
        Long threshold = getLong(rs, c + 11);
        Long activated = getLong(rs, c + 15);
        return new Account(rs.getString(c), rs.getString(c + 1), rs.getString(c + 2), currency,
                AccountState.valueOf(rs.getString(c + 4)), Money.ofMinor(rs.getLong(c + 5), currency),
                Money.ofMinor(rs.getLong(c + 6), currency), Money.ofMinor(rs.getLong(c + 7), currency),
                rs.getInt(c + 8) == 1, rs.getString(c + 9), rs.getString(c + 10),
                threshold == null ? null : Money.ofMinor(threshold, currency), rs.getInt(c + 12) == 1,
                rs.getInt(c + 13) == 1, Instant.ofEpochMilli(rs.getLong(c + 14)),
                activated == null ? null : Instant.ofEpochMilli(activated));
    }

    /** Schemes never change once created, so each is read once. */
    private Scheme schemeOf(Handle h, String schemeId) {
        return schemes.computeIfAbsent(schemeId, id -> scheme(h, id).orElseThrow());
    }

    private static Hold mapHold(ResultSet rs, Currency currency) throws SQLException {
        long settled = rs.getLong("settled_at");
        Instant settledAt = rs.wasNull() ? null : Instant.ofEpochMilli(settled);
        return new Hold(rs.getString("id"), rs.getString("account_id"), rs.getString("idempotency_key"),
                ChargeKind.valueOf(rs.getString("charge_kind")), Money.ofMinor(rs.getLong("amount_minor"), currency),
                Money.ofMinor(rs.getLong("net_minor"), currency), Money.ofMinor(rs.getLong("tax_minor"), currency),
                rs.getString("domain"), rs.getString("period"), rs.getString("description"),
                FundingHold.State.valueOf(rs.getString("state")), Instant.ofEpochMilli(rs.getLong("expires_at")),
                Instant.ofEpochMilli(rs.getLong("created_at")), settledAt, rs.getString("entry_id"));
    }

    private static Entry mapEntry(ResultSet rs, Currency currency) throws SQLException {
        String chargeKind = rs.getString("charge_kind");
        long net = rs.getLong("net_minor");
        Money netMoney = rs.wasNull() ? null : Money.ofMinor(net, currency);
        long tax = rs.getLong("tax_minor");
        Money taxMoney = rs.wasNull() ? null : Money.ofMinor(tax, currency);
        return new Entry(rs.getString("id"), rs.getString("account_id"), rs.getLong("seq"),
                EntryKind.valueOf(rs.getString("kind")), Money.ofMinor(rs.getLong("amount_minor"), currency),
                Money.ofMinor(rs.getLong("balance_after_minor"), currency), rs.getString("idempotency_key"),
                rs.getString("hold_id"), chargeKind == null ? null : ChargeKind.valueOf(chargeKind),
                rs.getString("domain"), rs.getString("period"), netMoney, taxMoney, rs.getString("description"),
                rs.getString("reason"), rs.getString("reverses_entry_id"), rs.getString("actor"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
