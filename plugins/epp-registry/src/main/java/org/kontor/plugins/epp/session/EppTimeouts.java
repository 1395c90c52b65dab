package org.kontor.plugins.epp.session;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.kontor.plugins.epp.command.BalanceInfo;
import org.kontor.plugins.epp.command.ContactCheck;
import org.kontor.plugins.epp.command.ContactInfo;
import org.kontor.plugins.epp.command.DomainCheck;
import org.kontor.plugins.epp.command.DomainCreate;
import org.kontor.plugins.epp.command.DomainInfo;
import org.kontor.plugins.epp.command.DomainRenew;
import org.kontor.plugins.epp.command.DomainRestore;
import org.kontor.plugins.epp.command.DomainTransfer;
import org.kontor.plugins.epp.command.EppCommand;
import org.kontor.plugins.epp.command.Extended;
import org.kontor.plugins.epp.command.HostCheck;
import org.kontor.plugins.epp.command.HostInfo;
import org.kontor.plugins.epp.command.Login;
import org.kontor.plugins.epp.command.Logout;
import org.kontor.plugins.epp.command.PollAck;
import org.kontor.plugins.epp.command.PollRequest;

/**
 * The time limits of one endpoint. A command waits for its answer at most {@link #forCommand}: the limit of
 * its own command type when one is set, else the limit of its {@link CommandClass}, else the default.
 *
 * @param connect the TCP connect
 * @param greeting the TLS handshake and the greeting that follows it
 * @param commandDefault the answer to any command without its own limit
 * @param perCommand limits by command type, e.g. {@code DomainTransfer.class}
 * @param perClass limits by command class (query, transform, billable, login)
 */
public record EppTimeouts(Duration connect, Duration greeting, Duration commandDefault,
        Map<Class<? extends EppCommand>, Duration> perCommand, Map<CommandClass, Duration> perClass) {

    /**
     * What a command does, for its time limit: a query reads (check, info, poll, balance, transfer query), a
     * billable command costs money (create, renew, transfer request, restore), a transform changes without
     * charge (update, delete, contact and host create, transfer approve/reject/cancel, poll ack), and login
     * and logout open and close the session.
     */
    public enum CommandClass {
        LOGIN, QUERY, TRANSFORM, BILLABLE;

        public static CommandClass of(EppCommand command) {
            EppCommand c = Extended.unwrap(command);
            if (c instanceof Login || c instanceof Logout) {
                return LOGIN;
            }
            if (c instanceof DomainCheck || c instanceof DomainInfo || c instanceof ContactCheck
                    || c instanceof ContactInfo || c instanceof HostCheck || c instanceof HostInfo
                    || c instanceof PollRequest || c instanceof BalanceInfo) {
                return QUERY;
            }
            if (c instanceof DomainTransfer t) {
                return switch (t.operation()) {
                    case QUERY -> QUERY;
                    case REQUEST -> BILLABLE;
                    default -> TRANSFORM;
                };
            }
            if (c instanceof DomainCreate || c instanceof DomainRenew || c instanceof DomainRestore) {
                return BILLABLE;
            }
            if (c instanceof PollAck) {
                return TRANSFORM;
            }
            return TRANSFORM;
        }
    }

    public EppTimeouts {
        positive(connect, "connect");
        positive(greeting, "greeting");
        positive(commandDefault, "commandDefault");
        perCommand = Map.copyOf(perCommand);
        perCommand.forEach((type, limit) -> positive(limit, type.getSimpleName()));
        perClass = perClass == null ? Map.of() : Map.copyOf(perClass);
        perClass.forEach((type, limit) -> positive(limit, type.name()));
    }

    /** Limits without per-class ones. */
    public EppTimeouts(Duration connect, Duration greeting, Duration commandDefault,
            Map<Class<? extends EppCommand>, Duration> perCommand) {
        this(connect, greeting, commandDefault, perCommand, Map.of());
    }

    /**
     * Limits suited to a production registry: 10 s connect and greeting, 20 s for login, 15 s for queries,
     * 30 s for transforms and 60 s for billable commands (a create may wait on the registry's billing), the
     * transfer request among them.
     */
    public static EppTimeouts defaults() {
        Map<CommandClass, Duration> classes = new EnumMap<>(CommandClass.class);
        classes.put(CommandClass.LOGIN, Duration.ofSeconds(20));
        classes.put(CommandClass.QUERY, Duration.ofSeconds(15));
        classes.put(CommandClass.TRANSFORM, Duration.ofSeconds(30));
        classes.put(CommandClass.BILLABLE, Duration.ofSeconds(60));
        return new EppTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(30), Map.of(),
                classes);
    }

    /** The same limits with one command type's limit set. */
    public EppTimeouts with(Class<? extends EppCommand> type, Duration limit) {
        var copy = new HashMap<>(perCommand);
        copy.put(type, limit);
        return new EppTimeouts(connect, greeting, commandDefault, copy, perClass);
    }

    /** The same limits with one command class's limit set. */
    public EppTimeouts with(CommandClass type, Duration limit) {
        Map<CommandClass, Duration> copy = new EnumMap<>(CommandClass.class);
        copy.putAll(perClass);
        copy.put(type, limit);
        return new EppTimeouts(connect, greeting, commandDefault, perCommand, copy);
    }

    /** How long the answer to this command may take. */
    public Duration forCommand(EppCommand command) {
        EppCommand plain = Extended.unwrap(command);
        Duration own = perCommand.get(plain.getClass());
        if (own != null) {
            return own;
        }
        return perClass.getOrDefault(CommandClass.of(plain), commandDefault);
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the " + name + " timeout must be positive: " + value);
        }
    }
}
