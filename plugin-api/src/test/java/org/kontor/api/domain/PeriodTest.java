package org.kontor.api.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 10, 99})
    void valuesWithinBounds(int value) {
        assertThat(Period.years(value).value()).isEqualTo(value);
        assertThat(Period.months(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 100, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void valuesOutOfBoundsRefused(int value) {
        assertThatThrownBy(() -> Period.years(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 99 years")
                .hasMessageContaining(String.valueOf(value));
        assertThatThrownBy(() -> Period.months(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 99 months");
    }

    @Test
    void unitRequired() {
        assertThatThrownBy(() -> new Period(1, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unit");
    }

    @ParameterizedTest
    @CsvSource({"1, YEARS, 12", "10, YEARS, 120", "99, YEARS, 1188", "1, MONTHS, 1", "18, MONTHS, 18"})
    void inMonths(int value, Period.Unit unit, int months) {
        assertThat(new Period(value, unit).inMonths()).isEqualTo(months);
    }

    @Test
    void eppCodes() {
        assertThat(Period.Unit.YEARS.eppCode()).isEqualTo("y");
        assertThat(Period.Unit.MONTHS.eppCode()).isEqualTo("m");
        assertThat(Period.years(2)).hasToString("2y");
        assertThat(Period.months(6)).hasToString("6m");
    }

    @Test
    void equality() {
        assertThat(Period.years(1)).isEqualTo(new Period(1, Period.Unit.YEARS));
        assertThat(Period.years(1)).isNotEqualTo(Period.months(12));
        assertThat(Period.years(1).inMonths()).isEqualTo(Period.months(12).inMonths());
    }
}
