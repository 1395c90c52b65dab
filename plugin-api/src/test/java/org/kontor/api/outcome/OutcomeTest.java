package org.kontor.api.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomeTest {

    @Test
    void processed() {
        Outcome<String> outcome = Outcome.processed("DK-123", "ROID-1");

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(outcome.isProcessed()).isTrue();
        assertThat(outcome.value()).isEqualTo("DK-123");
        assertThat(outcome.valueIfPresent()).contains("DK-123");
        assertThat(outcome.referenceIfPresent()).contains("ROID-1");
        assertThat(outcome.codeIfPresent()).isEmpty();
        assertThat(outcome.message()).isNull();
    }

    @Test
    void processedWithoutReference() {
        Outcome<Integer> outcome = Outcome.processed(7, null);

        assertThat(outcome.referenceIfPresent()).isEmpty();
        assertThat(outcome.valueIfPresent()).contains(7);
    }

    @Test
    void pending() {
        Outcome<String> outcome = Outcome.pending(null, "sv-1", "awaiting registry");

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.PENDING);
        assertThat(outcome.isProcessed()).isFalse();
        assertThat(outcome.valueIfPresent()).isEmpty();
        assertThat(outcome.referenceIfPresent()).contains("sv-1");
        assertThat(outcome.message()).isEqualTo("awaiting registry");
    }

    @Test
    void error() {
        Outcome<String> outcome = Outcome.error("2302", "Object exists");

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(outcome.isProcessed()).isFalse();
        assertThat(outcome.codeIfPresent()).contains("2302");
        assertThat(outcome.message()).isEqualTo("Object exists");
        assertThat(outcome.valueIfPresent()).isEmpty();
        assertThat(outcome.referenceIfPresent()).isEmpty();
    }

    @Test
    void canceledAndUndefined() {
        Outcome<Void> canceled = Outcome.canceled("never sent");
        Outcome<Void> undefined = Outcome.undefined("time-out");

        assertThat(canceled.status()).isEqualTo(OutcomeStatus.CANCELED);
        assertThat(canceled.message()).isEqualTo("never sent");
        assertThat(canceled.codeIfPresent()).isEmpty();
        assertThat(undefined.status()).isEqualTo(OutcomeStatus.UNDEFINED);
        assertThat(undefined.message()).isEqualTo("time-out");
        assertThat(undefined.isProcessed()).isFalse();
    }

    @Test
    void statusRequired() {
        assertThatThrownBy(() -> new Outcome<>(null, "v", null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("status");
    }

    @ParameterizedTest
    @CsvSource({"PROCESSED, false", "PENDING, true", "ERROR, false", "CANCELED, false", "UNDEFINED, true"})
    void unsettled(OutcomeStatus status, boolean unsettled) {
        assertThat(status.isUnsettled()).isEqualTo(unsettled);
    }
}
