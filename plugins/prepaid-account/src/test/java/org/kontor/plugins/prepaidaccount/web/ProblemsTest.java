package org.kontor.plugins.prepaidaccount.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.plugins.prepaidaccount.ledger.LedgerException;
import org.kontor.plugins.prepaidaccount.ledger.LedgerException.Reason;

class ProblemsTest {

    @Test
    void everyReasonHasItsStatusAndItsOwnType() {
        Map<Reason, Integer> expected = Map.of(Reason.NO_ACCOUNT, 404, Reason.NO_HOLD, 404, Reason.NOT_ACTIVE, 409,
                Reason.KEY_REUSED, 409, Reason.HOLD_SETTLED, 409, Reason.ALREADY_EXISTS, 409, Reason.INVALID, 422,
                Reason.BELOW_MINIMUM, 422, Reason.WRONG_CURRENCY, 422, Reason.NOT_PAYABLE, 422);
        assertThat(expected).hasSize(Reason.values().length);

        expected.forEach((reason, status) -> {
            Problems.Problem problem = Problems.of(new LedgerException(reason, "the detail"), "/api/v1/p/prepaid-account/x");
            assertThat(problem.status()).as(reason.name()).isEqualTo(status);
            assertThat(problem.type()).isEqualTo("https://kontor.dev/problems/prepaid-account/"
                    + reason.name().toLowerCase().replace('_', '-'));
            assertThat(problem.detail()).isEqualTo("the detail");
            assertThat(problem.body()).containsEntry("status", status).doesNotContainKey("errors");
        });
    }
}
