package org.kontor.plugins.sepa.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DueDatesTest {

    @Test
    void easterAndTheTarget2Holidays() {
        assertThat(BusinessDays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(BusinessDays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(BusinessDays.isBusinessDay(LocalDate.of(2026, 4, 3))).as("Good Friday").isFalse();
        assertThat(BusinessDays.isBusinessDay(LocalDate.of(2026, 4, 6))).as("Easter Monday").isFalse();
        assertThat(BusinessDays.isBusinessDay(LocalDate.of(2026, 5, 1))).isFalse();
        assertThat(BusinessDays.isBusinessDay(LocalDate.of(2026, 12, 25))).isFalse();
        assertThat(BusinessDays.isBusinessDay(LocalDate.of(2026, 12, 26))).isFalse();
        assertThat(BusinessDays.isBusinessDay(LocalDate.of(2026, 11, 28))).as("a Saturday").isFalse();
        assertThat(BusinessDays.isBusinessDay(LocalDate.of(2026, 11, 24))).isTrue();
    }

    @Test
    void theDueDateIsThePrenotificationPeriodLaterOnABusinessDay() {
        DueDates rules = new DueDates(14, 1);
        // Tuesday 24 November 2026 + 14 days = Tuesday 8 December.
        assertThat(rules.dueDate(LocalDate.of(2026, 11, 24))).isEqualTo(LocalDate.of(2026, 12, 8));
        // Saturday 12 December + 14 = Saturday 26 December (holiday), so Monday 28 December.
        assertThat(rules.dueDate(LocalDate.of(2026, 12, 12))).isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void withoutPrenotificationPeriodTheLeadTimeDecides() {
        DueDates rules = new DueDates(0, 1);
        // Friday: the file goes in on Friday, D-1 gives Monday at the earliest.
        assertThat(rules.dueDate(LocalDate.of(2026, 11, 27))).isEqualTo(LocalDate.of(2026, 11, 30));
        // Thursday before Easter 2026: Good Friday and Easter Monday are closed, so Tuesday 7 April.
        assertThat(rules.dueDate(LocalDate.of(2026, 4, 2))).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(new DueDates(0, 2).earliestCollection(LocalDate.of(2026, 11, 24))).isEqualTo(LocalDate.of(2026, 11, 26));
    }
}
