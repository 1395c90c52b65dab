package org.kontor.plugins.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kontor.plugins.sandbox.settings.CommandFault;
import org.kontor.plugins.sandbox.settings.CommandFault.Outcome;

class SandboxCommandFaultTest {

    @Test
    void aDrawFallsIntoTheProbabilitiesInTheirOrder() {
        CommandFault fault = new CommandFault(Duration.ZERO, 0.1, 0.2, 0.3, 0.1);
        assertThat(fault.outcome(0.0)).isEqualTo(Outcome.DROP);
        assertThat(fault.outcome(0.0999)).isEqualTo(Outcome.DROP);
        assertThat(fault.outcome(0.1)).isEqualTo(Outcome.ERROR);
        assertThat(fault.outcome(0.2999)).isEqualTo(Outcome.ERROR);
        assertThat(fault.outcome(0.3)).isEqualTo(Outcome.HANG);
        assertThat(fault.outcome(0.6)).isEqualTo(Outcome.MALFORMED);
        assertThat(fault.outcome(0.7)).isEqualTo(Outcome.SERVE);
        assertThat(CommandFault.NONE.outcome(0.0)).isEqualTo(Outcome.SERVE);
        assertThat(CommandFault.alwaysFail().outcome(0.9999)).isEqualTo(Outcome.ERROR);
    }

    @Test
    void probabilitiesOutsideTheUnitIntervalOrAbove1InSumAreRefused() {
        assertThatThrownBy(() -> new CommandFault(Duration.ZERO, -0.1, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommandFault(Duration.ZERO, 0.6, 0.6, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommandFault(Duration.ofMillis(-1), 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
