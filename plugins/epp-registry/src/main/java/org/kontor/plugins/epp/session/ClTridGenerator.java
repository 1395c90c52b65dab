package org.kontor.plugins.epp.session;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.kontor.plugins.epp.command.ClientTransactionId;

/**
 * Generates unique client transaction ids: the registrar prefix, the time in milliseconds and a counter,
 * e.g. {@code REG-lx3k9a1b-1f}. The counter keeps ids unique within one generator, the time across restarts.
 * With a prefix of at most 32 characters the id stays within the 64 characters EPP allows.
 */
public final class ClTridGenerator {

    private final String prefix;
    private final Clock clock;
    private final AtomicLong counter = new AtomicLong();

    public ClTridGenerator(String prefix, Clock clock) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isEmpty() || prefix.length() > 32) {
            throw new IllegalArgumentException("the clTRID prefix has 1 to 32 characters: " + prefix);
        }
        this.prefix = prefix;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ClientTransactionId next() {
        return ClientTransactionId.of(prefix + "-" + Long.toString(clock.millis(), 36) + "-"
                + Long.toString(counter.incrementAndGet(), 36));
    }
}
