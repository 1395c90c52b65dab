package org.kontor.plugins.epp.session;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.kontor.plugins.epp.command.EppCommand;

/**
 * The time limits of one endpoint. A command waits for its answer at most {@link #forCommand} — the
 * command class's own limit when one is set (a transfer takes longer than a check), the default otherwise.
 *
 * @param connect the TCP connect
 * @param greeting the TLS handshake and the greeting that follows it
 * @param commandDefault the answer to any command without its own limit
 * @param perCommand limits by command class, e.g. {@code DomainTransfer.class}
 */
public record EppTimeouts(Duration connect, Duration greeting, Duration commandDefault,
        Map<Class<? extends EppCommand>, Duration> perCommand) {

    public EppTimeouts {
        positive(connect, "connect");
        positive(greeting, "greeting");
        positive(commandDefault, "commandDefault");
        perCommand = Map.copyOf(perCommand);
        perCommand.forEach((type, limit) -> positive(limit, type.getSimpleName()));
    }

    /** Limits suited to a production registry: 10 s connect and greeting, 30 s per command, 60 s for transfers. */
    public static EppTimeouts defaults() {
        return new EppTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(30),
                Map.of(org.kontor.plugins.epp.command.DomainTransfer.class, Duration.ofSeconds(60)));
    }

    /** The same limits with one command class's limit set. */
    public EppTimeouts with(Class<? extends EppCommand> type, Duration limit) {
        var copy = new java.util.HashMap<>(perCommand);
        copy.put(type, limit);
        return new EppTimeouts(connect, greeting, commandDefault, copy);
    }

    /** How long the answer to this command may take. */
    public Duration forCommand(EppCommand command) {
        return perCommand.getOrDefault(command.getClass(), commandDefault);
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the " + name + " timeout must be positive: " + value);
        }
    }
}
