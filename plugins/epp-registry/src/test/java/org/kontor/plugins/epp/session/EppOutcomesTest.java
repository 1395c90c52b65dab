package org.kontor.plugins.epp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.plugins.epp.response.EppResponse;
import org.kontor.plugins.epp.response.Result;
import org.kontor.plugins.epp.response.TransactionId;

class EppOutcomesTest {

    private static EppResponse response(int code, String message, List<String> reasons) {
        return new EppResponse(List.of(new Result(code, message, reasons)), null, List.of(), List.of(),
                new TransactionId("REG-1", "SV-42"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1000, PROCESSED", "1001, PENDING", "1300, PROCESSED", "1301, PROCESSED", "1500, PROCESSED",
        "2002, ERROR", "2104, ERROR", "2201, ERROR", "2302, ERROR", "2303, ERROR", "2306, ERROR",
        "2400, UNDEFINED", "2500, UNDEFINED", "2501, UNDEFINED", "2502, UNDEFINED"
    })
    void mapsResultCodes(int code, OutcomeStatus expected) {
        Outcome<String> outcome = EppOutcomes.of(response(code, "server text", List.of()), "value");
        assertThat(outcome.status()).isEqualTo(expected);
    }

    @Test
    void aProcessedOrPendingOutcomeCarriesTheValueAndTheServerTransaction() {
        Outcome<String> processed = EppOutcomes.of(response(1000, "Command completed successfully", List.of()), "done");
        Outcome<String> pending = EppOutcomes.of(response(1001, "Command completed successfully; action pending", List.of()), "later");

        assertThat(processed.value()).isEqualTo("done");
        assertThat(processed.reference()).isEqualTo("SV-42");
        assertThat(pending.value()).isEqualTo("later");
        assertThat(pending.message()).isEqualTo("Command completed successfully; action pending");
    }

    @Test
    void aRefusalCarriesTheCodeAndTheServersMessageAndReasons() {
        Outcome<String> outcome = EppOutcomes.of(response(2104, "Billing failure", List.of("Insufficient balance")), null);

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(outcome.code()).isEqualTo("2104");
        assertThat(outcome.message()).isEqualTo("Billing failure: Insufficient balance");
    }

    @Test
    void aMissingAnswerIsUndefinedButANeverSentCommandIsCanceled() {
        assertThat(EppOutcomes.of(new EppTimeoutException("no answer", new SocketTimeoutException())).status())
                .isEqualTo(OutcomeStatus.UNDEFINED);
        assertThat(EppOutcomes.of(new EppSessionException("connection reset")).status())
                .isEqualTo(OutcomeStatus.UNDEFINED);
        assertThat(EppOutcomes.of(new EppPoolUnavailableException(EppPoolUnavailableException.Reason.BORROW_TIMEOUT,
                "busy")).status()).isEqualTo(OutcomeStatus.CANCELED);
        assertThat(EppOutcomes.of(new EppLoginException(2200, "Authentication error")).status())
                .isEqualTo(OutcomeStatus.CANCELED);
    }
}
