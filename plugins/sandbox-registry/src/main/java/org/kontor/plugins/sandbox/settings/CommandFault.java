package org.kontor.plugins.sandbox.settings;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Latency and faults injected into one command. The probabilities are tried in order (drop, error, hang,
 * malformed) with one draw in [0, 1): a draw below {@code drop} drops the connection, below
 * {@code drop + error} answers 2400, and so on; their sum is at most 1.
 *
 * @param delay a fixed delay before the command is served
 * @param drop the probability that the connection is closed without an answer
 * @param error the probability of a 2400 "Command failed" answer instead of serving the command
 * @param hang the probability that the server stays silent until the idle timeout closes the session
 * @param malformed the probability that a frame that is not XML is sent instead of the answer
 */
public record CommandFault(Duration delay, double drop, double error, double hang, double malformed) {

    /** Neither delay nor faults. */
    public static final CommandFault NONE = new CommandFault(Duration.ZERO, 0, 0, 0, 0);

    public CommandFault {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a negative delay: " + delay);
        }
        for (double p : new double[] {drop, error, hang, malformed}) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("a probability lies in [0, 1]: " + p);
            }
        }
        if (drop + error + hang + malformed > 1.000001) {
            throw new IllegalArgumentException("the fault probabilities add up to more than 1");
        }
    }

    public static CommandFault delay(Duration delay) {
        return new CommandFault(delay, 0, 0, 0, 0);
    }

    public static CommandFault alwaysDrop() {
        return new CommandFault(Duration.ZERO, 1, 0, 0, 0);
    }

    public static CommandFault alwaysFail() {
        return new CommandFault(Duration.ZERO, 0, 1, 0, 0);
    }

    public static CommandFault alwaysHang() {
        return new CommandFault(Duration.ZERO, 0, 0, 1, 0);
    }

    public static CommandFault alwaysMalformed() {
        return new CommandFault(Duration.ZERO, 0, 0, 0, 1);
    }

    /**
     * What a draw in [0, 1) decides. The bounds are summed as decimals, so that 0.1 + 0.2 is exactly 0.3 and a
     * configured split such as 0.1/0.2/0.3 behaves as written.
     */
    public Outcome outcome(double draw) {
        BigDecimal at = BigDecimal.valueOf(draw);
        BigDecimal bound = BigDecimal.ZERO;
        double[] probabilities = {drop, error, hang, malformed};
        Outcome[] outcomes = {Outcome.DROP, Outcome.ERROR, Outcome.HANG, Outcome.MALFORMED};
        for (int i = 0; i < probabilities.length; i++) {
            bound = bound.add(BigDecimal.valueOf(probabilities[i]));
            if (at.compareTo(bound) < 0) {
                return outcomes[i];
            }
        }
        return Outcome.SERVE;
    }

    /** What happens to a command. */
    public enum Outcome {
        SERVE, DROP, ERROR, HANG, MALFORMED
    }
}
