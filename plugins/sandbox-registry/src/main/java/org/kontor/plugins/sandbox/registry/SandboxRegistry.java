package org.kontor.plugins.sandbox.registry;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.kontor.api.money.Money;
import org.kontor.plugins.epp.command.BalanceInfo;
import org.kontor.plugins.epp.command.DomainCheck;
import org.kontor.plugins.epp.command.PollAck;
import org.kontor.plugins.epp.command.PollRequest;
import org.kontor.plugins.sandbox.protocol.EppResponse;
import org.kontor.plugins.sandbox.protocol.Ext;
import org.kontor.plugins.sandbox.protocol.ResponseData;
import org.kontor.plugins.sandbox.protocol.ResponseData.CheckedName;
import org.kontor.plugins.sandbox.protocol.ResponseWriter;
import org.kontor.plugins.sandbox.protocol.ResultCode;
import org.kontor.plugins.sandbox.protocol.XmlCommand;
import org.kontor.plugins.sandbox.settings.RegistrarAccount;
import org.kontor.plugins.sandbox.settings.SandboxSettings;

/**
 * The registry's objects and the registrars' balances in the plugin's tables, and the answers to the object,
 * poll and balance commands of a logged-in registrar.
 *
 * <p>Transforming commands with a clTRID are answered once: the answer is stored with the change in one
 * transaction, and the same clTRID gets the stored answer again without a second change.
 *
 * <p>What happens with time (a .dk create decided, a transfer approved by the registry, the redemption grace
 * period running out) is done when due, by the registry's clock, before the next command is served, or at once
 * through {@link #processDue()}.
 */
public final class SandboxRegistry {

    /** RFC 3915 periods. */
    static final Duration REDEMPTION_PERIOD = Duration.ofDays(30);
    static final Duration PENDING_DELETE_PERIOD = Duration.ofDays(5);
    static final Duration RESTORE_REPORT_PERIOD = Duration.ofDays(7);
    /** No transfer within 60 days of a create or of an earlier transfer. */
    static final Duration TRANSFER_LOCK = Duration.ofDays(60);

    private final Jdbi jdbi;
    private final Clock clock;
    private final SandboxSettings settings;
    private final ResponseWriter writer;
    private final AtomicLong lastDueRun = new AtomicLong(Long.MIN_VALUE);
    private final DomainCommands domains;
    private final ContactHostCommands contactsAndHosts;

    public SandboxRegistry(Jdbi jdbi, Clock clock, SandboxSettings settings, ResponseWriter writer) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.settings = settings;
        this.writer = writer;
        this.domains = new DomainCommands(this);
        this.contactsAndHosts = new ContactHostCommands(this);
    }

    Clock clock() {
        return clock;
    }

    SandboxSettings settings() {
        return settings;
    }

    /** Gives every configured registrar its opening balance unless it has an account already. */
    public void openAccounts() {
        jdbi.useTransaction(h -> {
            for (RegistrarAccount account : settings.registrars()) {
                boolean exists = h.createQuery("SELECT COUNT(*) FROM sandbox_registry_balance WHERE registrar = :r")
                        .bind("r", account.clientId()).mapTo(Long.class).one() > 0;
                if (!exists) {
                    h.createUpdate("INSERT INTO sandbox_registry_balance (registrar, currency, balance_minor) "
                                    + "VALUES (:r, :c, :b)")
                            .bind("r", account.clientId()).bind("c", account.openingBalance().currencyCode())
                            .bind("b", account.openingBalance().toMinorUnits()).execute();
                }
            }
        });
    }

    /** The registrar that holds the demo domains offered for transfer; it has no login. */
    public static final String DEMO_REGISTRAR = "demo-other";
    /** A demo domain of another registrar that can be transferred with {@link #TRANSFER_DEMO_AUTH_CODE}. */
    public static final String TRANSFER_DEMO = "transfer-demo.example";
    public static final String TRANSFER_DEMO_AUTH_CODE = "Kontor-Demo-Transfer-7";
    /** A demo domain of another registrar under {@code serverTransferProhibited}. */
    public static final String LOCKED_DEMO = "locked-demo.example";

    /**
     * Puts the demo domains of another registrar in place unless they exist, when the sandbox serves .example:
     * {@link #TRANSFER_DEMO} (registered a year ago, transferable with its code) and {@link #LOCKED_DEMO} (locked
     * by the registry). The lock is kept among the domain's statuses, which a sponsor's update could change; their
     * sponsor never logs in.
     */
    public void seedDemoDomains() {
        jdbi.useTransaction(h -> {
            seed(h, TRANSFER_DEMO, TRANSFER_DEMO_AUTH_CODE, "ok");
            seed(h, LOCKED_DEMO, "Locked-" + ContactHostCommands.hex(16), "serverTransferProhibited");
        });
    }

    private void seed(Handle h, String name, String authInfo, String statuses) {
        if (!isDemoTld(name) || findAny(h, name).isPresent()) {
            return;
        }
        Instant created = plusYears(clock.instant(), -1);
        h.createUpdate("INSERT INTO sandbox_registry_domain (name, roid, registrar, created_at, expires_at, statuses, "
                        + "auth_info) VALUES (:n, :roid, :r, :cr, :ex, :s, :a)")
                .bind("n", name).bind("roid", "D" + ContactHostCommands.hex(16) + "-SANDBOX")
                .bind("r", DEMO_REGISTRAR).bind("cr", created.toEpochMilli())
                .bind("ex", plusYears(created, 3).toEpochMilli()).bind("s", statuses).bind("a", authInfo).execute();
    }

    /** A response frame's XML and its result code. */
    public record Answer(int code, byte[] xml) {
    }

    /** Serves a command of a logged-in registrar. */
    public Answer execute(String registrar, Object command, String clTRID, String svTRID) {
        long now = clock.millis();
        if (now >= lastDueRun.get() + 1000 || now < lastDueRun.get()) {
            lastDueRun.set(now);
            processDue();
        }
        if (command instanceof XmlCommand c && isTransforming(c)) {
            try {
                return jdbi.inTransaction(h -> once(h, registrar, c, clTRID, svTRID));
            } catch (JdbiException e) {
                // the same clTRID in two sessions at once: the loser's insert fails, and the winner's answer stands
                Optional<Answer> stored = clTRID == null ? Optional.empty()
                        : jdbi.withHandle(h -> stored(h, registrar, clTRID));
                return stored.orElseThrow(() -> e);
            }
        }
        EppResponse response = jdbi.inTransaction(h -> query(h, registrar, command, clTRID, svTRID));
        return new Answer(response.code().code(), writer.response(response));
    }

    private static boolean isTransforming(XmlCommand c) {
        return switch (c.verb()) {
            case "create", "update", "delete", "renew" -> true;
            case "transfer" -> !"query".equals(c.op());
            default -> false;
        };
    }

    private Answer once(Handle h, String registrar, XmlCommand command, String clTRID, String svTRID) {
        if (clTRID != null) {
            Optional<Answer> earlier = stored(h, registrar, clTRID);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        EppResponse response = dispatch(h, registrar, command, clTRID, svTRID);
        byte[] xml = writer.response(response);
        if (clTRID != null) {
            h.createUpdate("INSERT INTO sandbox_registry_transaction (registrar, cl_trid, command, result_code, "
                            + "response, processed_at) VALUES (:r, :t, :c, :code, :x, :at)")
                    .bind("r", registrar).bind("t", clTRID).bind("c", command.name())
                    .bind("code", response.code().code()).bind("x", new String(xml, StandardCharsets.UTF_8))
                    .bind("at", clock.millis()).execute();
        }
        return new Answer(response.code().code(), xml);
    }

    private EppResponse dispatch(Handle h, String registrar, XmlCommand c, String clTRID, String svTRID) {
        try {
            if ("domain".equals(c.objectType())) {
                return domains.execute(h, registrar, c, clTRID, svTRID);
            }
            return contactsAndHosts.execute(h, registrar, c, clTRID, svTRID);
        } catch (Refusal r) {
            return EppResponse.failure(r.code, r.getMessage(), clTRID, svTRID);
        }
    }

    private static Optional<Answer> stored(Handle h, String registrar, String clTRID) {
        return h.createQuery("SELECT result_code, response FROM sandbox_registry_transaction "
                        + "WHERE registrar = :r AND cl_trid = :t")
                .bind("r", registrar).bind("t", clTRID)
                .map((rs, ctx) -> new Answer(rs.getInt("result_code"),
                        rs.getString("response").getBytes(StandardCharsets.UTF_8)))
                .findOne();
    }

    private EppResponse query(Handle h, String registrar, Object command, String clTRID, String svTRID) {
        if (command instanceof XmlCommand c) {
            return dispatch(h, registrar, c, clTRID, svTRID);
        }
        if (command instanceof DomainCheck c) {
            List<CheckedName> names = new ArrayList<>();
            for (String name : c.names()) {
                Optional<Domain> found = findAny(h, name);
                String reason = !isDemoTld(name) ? "Not a sandbox TLD"
                        : found.isEmpty() ? null
                        : found.get().deleted() ? "Redemption period" : "In use";
                names.add(new CheckedName(name, reason == null, reason));
            }
            return EppResponse.withData(ResultCode.SUCCESS, new ResponseData.DomainChecked(names), clTRID, svTRID);
        }
        if (command instanceof PollRequest) {
            return pollRequest(h, registrar, clTRID, svTRID);
        }
        if (command instanceof PollAck c) {
            return pollAck(h, registrar, c, clTRID, svTRID);
        }
        if (command instanceof BalanceInfo) {
            return EppResponse.withData(ResultCode.SUCCESS, balanceData(h, registrar), clTRID, svTRID);
        }
        return EppResponse.of(ResultCode.UNIMPLEMENTED_COMMAND, clTRID, svTRID);
    }

    // ---------------------------------------------------------------- poll queue

    private EppResponse pollRequest(Handle h, String registrar, String clTRID, String svTRID) {
        long count = queueSize(h, registrar);
        if (count == 0) {
            return EppResponse.of(ResultCode.NO_MESSAGES, clTRID, svTRID);
        }
        record Row(long id, long at, String message, String data) {
        }
        Row oldest = h.createQuery("SELECT id, queued_at, message, data FROM sandbox_registry_poll_message "
                        + "WHERE registrar = :r AND acked = 0 ORDER BY id LIMIT 1")
                .bind("r", registrar)
                .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getLong("queued_at"), rs.getString("message"),
                        rs.getString("data")))
                .one();
        EppResponse.Queue queue = new EppResponse.Queue(count, Long.toString(oldest.id()),
                Instant.ofEpochMilli(oldest.at()), oldest.message());
        ResponseData data = null;
        List<Ext> extension = List.of();
        if (oldest.data() != null) {
            String[] f = oldest.data().split("\t", -1);
            if ("trn".equals(f[0])) {
                data = new ResponseData.DomainTransferData(f[1], f[2], f[3], Instant.ofEpochMilli(Long.parseLong(f[4])),
                        f[5], Instant.ofEpochMilli(Long.parseLong(f[6])),
                        "-".equals(f[7]) ? null : Instant.ofEpochMilli(Long.parseLong(f[7])));
            } else if ("pan".equals(f[0])) {
                data = new ResponseData.DomainPendingAction(f[1], "1".equals(f[2]), "-".equals(f[3]) ? null : f[3],
                        f[4], Instant.ofEpochMilli(Long.parseLong(f[5])));
                if (f.length > 6 && !f[6].isEmpty()) {
                    extension = List.of(Ext.leaf(DomainCommands.DKHM, "dkhm", "risk_assessment", f[6]));
                }
            }
        }
        return new EppResponse(ResultCode.ACK_TO_DEQUEUE, null, queue, data, clTRID, svTRID, extension);
    }

    private EppResponse pollAck(Handle h, String registrar, PollAck c, String clTRID, String svTRID) {
        long id;
        try {
            id = Long.parseLong(c.messageId());
        } catch (NumberFormatException e) {
            return EppResponse.failure(ResultCode.OBJECT_DOES_NOT_EXIST, c.messageId(), clTRID, svTRID);
        }
        int acked = h.createUpdate("UPDATE sandbox_registry_poll_message SET acked = 1 "
                        + "WHERE id = :id AND registrar = :r AND acked = 0")
                .bind("id", id).bind("r", registrar).execute();
        if (acked == 0) {
            return EppResponse.failure(ResultCode.OBJECT_DOES_NOT_EXIST, c.messageId(), clTRID, svTRID);
        }
        long remaining = queueSize(h, registrar);
        EppResponse.Queue queue = remaining == 0 ? null : new EppResponse.Queue(remaining, c.messageId(), null, null);
        return new EppResponse(ResultCode.SUCCESS, null, queue, null, clTRID, svTRID);
    }

    void enqueue(Handle h, String registrar, String message) {
        enqueue(h, registrar, message, null);
    }

    void enqueue(Handle h, String registrar, String message, String data) {
        long id = h.createQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM sandbox_registry_poll_message")
                .mapTo(Long.class).one();
        h.createUpdate("INSERT INTO sandbox_registry_poll_message (id, registrar, queued_at, message, acked, data) "
                        + "VALUES (:id, :r, :at, :m, 0, :d)")
                .bind("id", id).bind("r", registrar).bind("at", clock.millis()).bind("m", message).bind("d", data)
                .execute();
    }

    private static long queueSize(Handle h, String registrar) {
        return h.createQuery("SELECT COUNT(*) FROM sandbox_registry_poll_message WHERE registrar = :r AND acked = 0")
                .bind("r", registrar).mapTo(Long.class).one();
    }

    // ---------------------------------------------------------------- balance

    private static Money balance(Handle h, String registrar) {
        return h.createQuery("SELECT currency, balance_minor FROM sandbox_registry_balance WHERE registrar = :r")
                .bind("r", registrar)
                .map((rs, ctx) -> Money.ofMinor(rs.getLong("balance_minor"), Currency.getInstance(rs.getString("currency"))))
                .one();
    }

    private ResponseData.Balance balanceData(Handle h, String registrar) {
        Money balance = balance(h, registrar);
        return new ResponseData.Balance(balance, Money.of(settings.rules().creditLimit(), balance.currency()),
                Money.of(settings.rules().creditThreshold(), balance.currency()));
    }

    /**
     * Charges the registrar unless what it can spend (balance plus credit limit) does not cover the price.
     *
     * @return false when the balance does not cover it, and nothing was charged
     */
    boolean charge(Handle h, String registrar, Money price) {
        long credit = Money.of(settings.rules().creditLimit(), price.currency()).toMinorUnits();
        return h.createUpdate("UPDATE sandbox_registry_balance SET balance_minor = balance_minor - :p "
                        + "WHERE registrar = :r AND currency = :c AND balance_minor + :credit >= :p")
                .bind("p", price.toMinorUnits()).bind("r", registrar).bind("c", price.currencyCode())
                .bind("credit", credit).execute() > 0;
    }

    /** Charges even below zero: the .dk rule for renewals. */
    void chargeAlways(Handle h, String registrar, Money price) {
        h.createUpdate("UPDATE sandbox_registry_balance SET balance_minor = balance_minor - :p WHERE registrar = :r")
                .bind("p", price.toMinorUnits()).bind("r", registrar).execute();
    }

    void refund(Handle h, String registrar, long minor) {
        h.createUpdate("UPDATE sandbox_registry_balance SET balance_minor = balance_minor + :p WHERE registrar = :r")
                .bind("p", minor).bind("r", registrar).execute();
    }

    // ---------------------------------------------------------------- time

    /** Does what is due by the clock: .dk decisions, transfer auto-approvals, the RGP phases. */
    public void processDue() {
        jdbi.useTransaction(h -> domains.processDue(h, clock.instant()));
    }

    /**
     * Decides a pending .dk create now, as an operator or a test would.
     *
     * @return false when the domain has no pending create
     */
    public boolean decide(String domain, boolean approve) {
        return jdbi.inTransaction(h -> domains.decide(h, domain.toLowerCase(Locale.ROOT), approve, clock.instant()));
    }

    /** Decides every pending .dk create now by the sandbox's rule (labels starting "reject" are refused). */
    public int decidePendingCreates() {
        return jdbi.inTransaction(h -> domains.decideAll(h, clock.instant()));
    }

    // ---------------------------------------------------------------- lookups

    /** The domain with this name, if registered and not deleted (one in its redemption grace period is not). */
    public Optional<Domain> find(String name) {
        return jdbi.withHandle(h -> findAny(h, name)).filter(d -> !d.deleted());
    }

    /** The domain with this name, also while it is in its redemption grace period. */
    public Optional<Domain> findIncludingDeleted(String name) {
        return jdbi.withHandle(h -> findAny(h, name));
    }

    /** The registrar's balance at the sandbox. */
    public Money balance(String registrar) {
        return jdbi.withHandle(h -> balance(h, registrar));
    }

    static Optional<Domain> findAny(Handle h, String name) {
        return h.createQuery("SELECT * FROM sandbox_registry_domain WHERE name = :n")
                .bind("n", name.toLowerCase(Locale.ROOT))
                .map((rs, ctx) -> domain(rs))
                .findOne();
    }

    private static Domain domain(ResultSet rs) throws SQLException {
        return new Domain(rs.getString("name"), rs.getString("roid"), rs.getString("registrar"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at")),
                Arrays.asList(rs.getString("statuses").split(" ")), rs.getString("auth_info"),
                rs.getString("registrant"), instant(rs, "updated_at"), rs.getString("updated_by"),
                instant(rs, "transferred_at"), instant(rs, "deleted_at"), rs.getString("rgp_status"),
                instant(rs, "rgp_since"), instant(rs, "decide_at"), rs.getString("create_cl_trid"),
                rs.getString("create_sv_trid"), rs.getLong("create_price_minor"),
                rs.getObject("auto_renew") == null ? null : rs.getInt("auto_renew") == 1,
                instant(rs, "auth_expires_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    boolean isDemoTld(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && dot < name.length() - 1
                && settings.createPrices().containsKey(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    Money price(String name, int years) {
        return settings.createPrices().get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT))
                .times(years);
    }

    static Instant plusYears(Instant instant, int years) {
        return ZonedDateTime.ofInstant(instant, ZoneOffset.UTC).plusYears(years).toInstant();
    }

    /** A command refused with a result code; the reason goes to the response's extValue. */
    static final class Refusal extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final ResultCode code;

        Refusal(ResultCode code, String reason) {
            super(reason, null, false, false);
            this.code = code;
        }
    }
}
