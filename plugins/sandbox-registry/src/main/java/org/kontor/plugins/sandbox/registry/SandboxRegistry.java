package org.kontor.plugins.sandbox.registry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.kontor.api.money.Money;
import org.kontor.plugins.epp.command.BalanceInfo;
import org.kontor.plugins.epp.command.DomainCheck;
import org.kontor.plugins.epp.command.DomainCreate;
import org.kontor.plugins.epp.command.DomainDelete;
import org.kontor.plugins.epp.command.DomainInfo;
import org.kontor.plugins.epp.command.DomainRenew;
import org.kontor.plugins.epp.command.EppCommand;
import org.kontor.plugins.epp.command.Period;
import org.kontor.plugins.epp.command.PollAck;
import org.kontor.plugins.epp.command.PollRequest;
import org.kontor.plugins.sandbox.protocol.EppResponse;
import org.kontor.plugins.sandbox.protocol.ResponseData;
import org.kontor.plugins.sandbox.protocol.ResponseData.CheckedName;
import org.kontor.plugins.sandbox.protocol.ResponseWriter;
import org.kontor.plugins.sandbox.protocol.ResultCode;
import org.kontor.plugins.sandbox.settings.RegistrarAccount;
import org.kontor.plugins.sandbox.settings.SandboxSettings;

/**
 * The registry's objects and the registrars' balances in the plugin's tables, and the answers to the object,
 * poll and balance commands of a logged-in registrar.
 *
 * <p>Transforming commands (create, renew, delete) with a clTRID are answered once: the answer is stored with
 * the change in one transaction, and the same clTRID gets the stored answer again without a second change.
 */
public final class SandboxRegistry {

    private final Jdbi jdbi;
    private final Clock clock;
    private final SandboxSettings settings;
    private final ResponseWriter writer;

    public SandboxRegistry(Jdbi jdbi, Clock clock, SandboxSettings settings, ResponseWriter writer) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.settings = settings;
        this.writer = writer;
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

    /** A response frame's XML and its result code. */
    public record Answer(int code, byte[] xml) {
    }

    /** Serves a command of a logged-in registrar. */
    public Answer execute(String registrar, EppCommand command, String clTRID, String svTRID) {
        if (command instanceof DomainCreate || command instanceof DomainRenew || command instanceof DomainDelete) {
            try {
                return jdbi.inTransaction(h -> once(h, registrar, command, clTRID, svTRID));
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

    private Answer once(Handle h, String registrar, EppCommand command, String clTRID, String svTRID) {
        if (clTRID != null) {
            Optional<Answer> earlier = stored(h, registrar, clTRID);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        EppResponse response;
        if (command instanceof DomainCreate c) {
            response = create(h, registrar, c, clTRID, svTRID);
        } else if (command instanceof DomainRenew c) {
            response = renew(h, registrar, c, clTRID, svTRID);
        } else {
            response = delete(h, registrar, (DomainDelete) command, clTRID, svTRID);
        }
        byte[] xml = writer.response(response);
        if (clTRID != null) {
            h.createUpdate("INSERT INTO sandbox_registry_transaction (registrar, cl_trid, command, result_code, "
                            + "response, processed_at) VALUES (:r, :t, :c, :code, :x, :at)")
                    .bind("r", registrar).bind("t", clTRID).bind("c", command.getClass().getSimpleName())
                    .bind("code", response.code().code()).bind("x", new String(xml, StandardCharsets.UTF_8))
                    .bind("at", clock.millis()).execute();
        }
        return new Answer(response.code().code(), xml);
    }

    private static Optional<Answer> stored(Handle h, String registrar, String clTRID) {
        return h.createQuery("SELECT result_code, response FROM sandbox_registry_transaction "
                        + "WHERE registrar = :r AND cl_trid = :t")
                .bind("r", registrar).bind("t", clTRID)
                .map((rs, ctx) -> new Answer(rs.getInt("result_code"),
                        rs.getString("response").getBytes(StandardCharsets.UTF_8)))
                .findOne();
    }

    private EppResponse query(Handle h, String registrar, EppCommand command, String clTRID, String svTRID) {
        if (command instanceof DomainCheck c) {
            List<CheckedName> names = new ArrayList<>();
            for (String name : c.names()) {
                String reason = !isDemoTld(name) ? "Not a sandbox TLD" : find(h, name).isPresent() ? "In use" : null;
                names.add(new CheckedName(name, reason == null, reason));
            }
            return EppResponse.withData(ResultCode.SUCCESS, new ResponseData.DomainChecked(names), clTRID, svTRID);
        }
        if (command instanceof DomainInfo c) {
            Optional<Domain> domain = find(h, c.name());
            if (domain.isEmpty()) {
                return EppResponse.failure(ResultCode.OBJECT_DOES_NOT_EXIST, c.name(), clTRID, svTRID);
            }
            Domain d = domain.get();
            String authInfo = d.registrar().equals(registrar) ? d.authInfo() : null;
            return EppResponse.withData(ResultCode.SUCCESS, new ResponseData.DomainInformation(d.name(), d.roid(),
                    d.statuses(), d.registrar(), d.createdAt(), d.expiresAt(), authInfo), clTRID, svTRID);
        }
        if (command instanceof PollRequest) {
            return pollRequest(h, registrar, clTRID, svTRID);
        }
        if (command instanceof PollAck c) {
            return pollAck(h, registrar, c, clTRID, svTRID);
        }
        if (command instanceof BalanceInfo) {
            return EppResponse.withData(ResultCode.SUCCESS, new ResponseData.Balance(balance(h, registrar)),
                    clTRID, svTRID);
        }
        return EppResponse.of(ResultCode.UNIMPLEMENTED_COMMAND, clTRID, svTRID);
    }

    private EppResponse create(Handle h, String registrar, DomainCreate c, String clTRID, String svTRID) {
        String name = c.name().toLowerCase(Locale.ROOT);
        if (!isDemoTld(name)) {
            return EppResponse.failure(ResultCode.PARAMETER_POLICY_ERROR, "Not a sandbox TLD: " + name, clTRID, svTRID);
        }
        if (find(h, name).isPresent()) {
            return EppResponse.failure(ResultCode.OBJECT_EXISTS, name, clTRID, svTRID);
        }
        int years = years(c.period());
        Money price = price(name, years);
        int charged = h.createUpdate("UPDATE sandbox_registry_balance SET balance_minor = balance_minor - :p "
                        + "WHERE registrar = :r AND currency = :c AND balance_minor >= :p")
                .bind("p", price.toMinorUnits()).bind("r", registrar).bind("c", price.currencyCode()).execute();
        if (charged == 0) {
            return EppResponse.failure(ResultCode.BILLING_FAILURE, "The balance does not cover " + price, clTRID,
                    svTRID);
        }
        Instant now = clock.instant();
        Instant expires = ZonedDateTime.ofInstant(now, ZoneOffset.UTC).plusYears(years).toInstant();
        String roid = "D" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT)
                + "-SANDBOX";
        h.createUpdate("INSERT INTO sandbox_registry_domain (name, roid, registrar, created_at, expires_at, statuses, "
                        + "auth_info) VALUES (:n, :roid, :r, :cr, :ex, :s, :a)")
                .bind("n", name).bind("roid", roid).bind("r", registrar).bind("cr", now.toEpochMilli())
                .bind("ex", expires.toEpochMilli()).bind("s", "ok").bind("a", c.authInfo()).execute();
        enqueue(h, registrar, "Domain " + name + " created");
        return EppResponse.withData(ResultCode.SUCCESS, new ResponseData.DomainCreated(name, now, expires), clTRID,
                svTRID);
    }

    /** The .dk rule: a renewal is never refused for the balance, which may go below zero. */
    private EppResponse renew(Handle h, String registrar, DomainRenew c, String clTRID, String svTRID) {
        Optional<Domain> found = find(h, c.name());
        if (found.isEmpty()) {
            return EppResponse.failure(ResultCode.OBJECT_DOES_NOT_EXIST, c.name(), clTRID, svTRID);
        }
        Domain domain = found.get();
        if (!domain.registrar().equals(registrar)) {
            return EppResponse.of(ResultCode.AUTHORIZATION_ERROR, clTRID, svTRID);
        }
        LocalDate current = LocalDate.ofInstant(domain.expiresAt(), ZoneOffset.UTC);
        if (!current.equals(c.currentExpiryDate())) {
            return EppResponse.failure(ResultCode.PARAMETER_POLICY_ERROR,
                    "curExpDate " + c.currentExpiryDate() + " is not the expiry date " + current, clTRID, svTRID);
        }
        int years = years(c.period());
        Money price = price(domain.name(), years);
        h.createUpdate("UPDATE sandbox_registry_balance SET balance_minor = balance_minor - :p WHERE registrar = :r")
                .bind("p", price.toMinorUnits()).bind("r", registrar).execute();
        Instant expires = ZonedDateTime.ofInstant(domain.expiresAt(), ZoneOffset.UTC).plusYears(years).toInstant();
        h.createUpdate("UPDATE sandbox_registry_domain SET expires_at = :ex WHERE name = :n")
                .bind("ex", expires.toEpochMilli()).bind("n", domain.name()).execute();
        return EppResponse.withData(ResultCode.SUCCESS, new ResponseData.DomainRenewed(domain.name(), expires),
                clTRID, svTRID);
    }

    private EppResponse delete(Handle h, String registrar, DomainDelete c, String clTRID, String svTRID) {
        Optional<Domain> found = find(h, c.name());
        if (found.isEmpty()) {
            return EppResponse.failure(ResultCode.OBJECT_DOES_NOT_EXIST, c.name(), clTRID, svTRID);
        }
        if (!found.get().registrar().equals(registrar)) {
            return EppResponse.of(ResultCode.AUTHORIZATION_ERROR, clTRID, svTRID);
        }
        h.createUpdate("DELETE FROM sandbox_registry_domain WHERE name = :n").bind("n", found.get().name()).execute();
        enqueue(h, registrar, "Domain " + found.get().name() + " deleted");
        return EppResponse.of(ResultCode.SUCCESS, clTRID, svTRID);
    }

    private EppResponse pollRequest(Handle h, String registrar, String clTRID, String svTRID) {
        long count = queueSize(h, registrar);
        if (count == 0) {
            return EppResponse.of(ResultCode.NO_MESSAGES, clTRID, svTRID);
        }
        var oldest = h.createQuery("SELECT id, queued_at, message FROM sandbox_registry_poll_message "
                        + "WHERE registrar = :r AND acked = 0 ORDER BY id LIMIT 1")
                .bind("r", registrar)
                .map((rs, ctx) -> new EppResponse.Queue(count, Long.toString(rs.getLong("id")),
                        Instant.ofEpochMilli(rs.getLong("queued_at")), rs.getString("message")))
                .one();
        return new EppResponse(ResultCode.ACK_TO_DEQUEUE, null, oldest, null, clTRID, svTRID);
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

    private void enqueue(Handle h, String registrar, String message) {
        long id = h.createQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM sandbox_registry_poll_message")
                .mapTo(Long.class).one();
        h.createUpdate("INSERT INTO sandbox_registry_poll_message (id, registrar, queued_at, message, acked) "
                        + "VALUES (:id, :r, :at, :m, 0)")
                .bind("id", id).bind("r", registrar).bind("at", clock.millis()).bind("m", message).execute();
    }

    private static long queueSize(Handle h, String registrar) {
        return h.createQuery("SELECT COUNT(*) FROM sandbox_registry_poll_message WHERE registrar = :r AND acked = 0")
                .bind("r", registrar).mapTo(Long.class).one();
    }

    private static Money balance(Handle h, String registrar) {
        return h.createQuery("SELECT currency, balance_minor FROM sandbox_registry_balance WHERE registrar = :r")
                .bind("r", registrar)
                .map((rs, ctx) -> Money.ofMinor(rs.getLong("balance_minor"), Currency.getInstance(rs.getString("currency"))))
                .one();
    }

    /** The domain with this name, if registered. */
    public Optional<Domain> find(String name) {
        return jdbi.withHandle(h -> find(h, name));
    }

    /** The registrar's balance at the sandbox. */
    public Money balance(String registrar) {
        return jdbi.withHandle(h -> balance(h, registrar));
    }

    private static Optional<Domain> find(Handle h, String name) {
        return h.createQuery("SELECT * FROM sandbox_registry_domain WHERE name = :n")
                .bind("n", name.toLowerCase(Locale.ROOT))
                .map((rs, ctx) -> new Domain(rs.getString("name"), rs.getString("roid"), rs.getString("registrar"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at")),
                        Arrays.asList(rs.getString("statuses").split(" ")), rs.getString("auth_info")))
                .findOne();
    }

    private boolean isDemoTld(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && dot < name.length() - 1
                && settings.createPrices().containsKey(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private Money price(String name, int years) {
        return settings.createPrices().get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT))
                .times(years);
    }

    /** Months are rounded up to whole years: the sandbox bills by the year. */
    private static int years(Period period) {
        if (period == null) {
            return 1;
        }
        return period.unit() == Period.Unit.YEARS ? period.value() : (period.value() + 11) / 12;
    }
}
