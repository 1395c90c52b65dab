package org.kontor.api.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleTest {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final LocalTime THREE = LocalTime.of(3, 0);

    @Test
    void everyAddsTheInterval() {
        Instant start = Instant.parse("2026-03-29T00:30:00Z");
        Schedule schedule = Schedule.every(Duration.ofMinutes(15));

        assertThat(schedule.nextAfter(start)).isEqualTo(Instant.parse("2026-03-29T00:45:00Z"));
        assertThat(Schedule.every(Duration.ofSeconds(1)).nextAfter(start)).isEqualTo(start.plusSeconds(1));
    }

    @Test
    void everyIsUnaffectedByDaylightSavingTime() {
        // 2026-03-29 02:00 CET jumps to 03:00 CEST: an hourly job still runs every 60 minutes
        Schedule hourly = Schedule.every(Duration.ofHours(1));
        Instant before = ZonedDateTime.of(2026, 3, 29, 1, 30, 0, 0, COPENHAGEN).toInstant();

        Instant next = hourly.nextAfter(before);

        assertThat(Duration.between(before, next)).isEqualTo(Duration.ofHours(1));
        assertThat(next.atZone(COPENHAGEN).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 999})
    void everyRefusesLessThanOneSecond(long millis) {
        assertThatThrownBy(() -> Schedule.every(Duration.ofMillis(millis)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one second");
        assertThatThrownBy(() -> Schedule.every(Duration.ofSeconds(-5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Schedule.every(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void dailyAtLaterTheSameDayOrTheNextDay() {
        Schedule daily = Schedule.dailyAt(THREE, COPENHAGEN);

        Instant beforeThree = local(2026, 1, 10, 2, 59);
        assertThat(daily.nextAfter(beforeThree)).isEqualTo(local(2026, 1, 10, 3, 0));
        Instant atThree = local(2026, 1, 10, 3, 0);
        assertThat(daily.nextAfter(atThree)).isEqualTo(local(2026, 1, 11, 3, 0));
        Instant afterThree = local(2026, 1, 10, 23, 0);
        assertThat(daily.nextAfter(afterThree)).isEqualTo(local(2026, 1, 11, 3, 0));
    }

    @Test
    void dailyRunStaysAtThreeLocalAcrossSpringForward() {
        // 2026-03-29: clocks go from 02:00 CET (+01:00) to 03:00 CEST (+02:00)
        List<ZonedDateTime> runs = runs(Schedule.dailyAt(THREE, COPENHAGEN), local(2026, 3, 27, 12, 0), 4);

        assertThat(runs).extracting(ZonedDateTime::toLocalDateTime).containsExactly(
                LocalDateTime.of(2026, 3, 28, 3, 0), LocalDateTime.of(2026, 3, 29, 3, 0),
                LocalDateTime.of(2026, 3, 30, 3, 0), LocalDateTime.of(2026, 3, 31, 3, 0));
        assertThat(runs.get(0).getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(runs.get(1).getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(runs.get(1).toInstant()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        // the day of the change is one hour shorter
        assertThat(Duration.between(runs.get(0), runs.get(1))).isEqualTo(Duration.ofHours(23));
        assertThat(Duration.between(runs.get(1), runs.get(2))).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void dailyRunStaysAtThreeLocalAcrossFallBack() {
        // 2026-10-25: clocks go from 03:00 CEST (+02:00) back to 02:00 CET (+01:00)
        List<ZonedDateTime> runs = runs(Schedule.dailyAt(THREE, COPENHAGEN), local(2026, 10, 23, 12, 0), 4);

        assertThat(runs).extracting(ZonedDateTime::toLocalDateTime).containsExactly(
                LocalDateTime.of(2026, 10, 24, 3, 0), LocalDateTime.of(2026, 10, 25, 3, 0),
                LocalDateTime.of(2026, 10, 26, 3, 0), LocalDateTime.of(2026, 10, 27, 3, 0));
        assertThat(runs.get(0).getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(runs.get(1).getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(runs.get(1).toInstant()).isEqualTo(Instant.parse("2026-10-25T02:00:00Z"));
        assertThat(Duration.between(runs.get(0), runs.get(1))).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void dailyRunFromInsideTheRepeatedHourRunsOnce() {
        // 02:30 happens twice on 2026-10-25; from either, the next 03:00 run is the same instant
        Schedule daily = Schedule.dailyAt(THREE, COPENHAGEN);
        Instant firstHalfPast = Instant.parse("2026-10-25T00:30:00Z");
        Instant secondHalfPast = Instant.parse("2026-10-25T01:30:00Z");

        assertThat(daily.nextAfter(firstHalfPast)).isEqualTo(Instant.parse("2026-10-25T02:00:00Z"));
        assertThat(daily.nextAfter(secondHalfPast)).isEqualTo(Instant.parse("2026-10-25T02:00:00Z"));
    }

    @Test
    void dailyRunInTheSkippedHourMovesForwardOnThatDayOnly() {
        Schedule daily = Schedule.dailyAt(LocalTime.of(2, 30), COPENHAGEN);
        List<ZonedDateTime> runs = runs(daily, local(2026, 3, 28, 12, 0), 2);

        assertThat(runs.get(0).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 29, 3, 30));
        assertThat(runs.get(1).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 30, 2, 30));
    }

    @Test
    void dailyRunInTheRepeatedHourRunsOnlyOnce() {
        Schedule daily = Schedule.dailyAt(LocalTime.of(2, 30), COPENHAGEN);
        List<ZonedDateTime> runs = runs(daily, local(2026, 10, 24, 12, 0), 2);

        assertThat(runs).extracting(ZonedDateTime::toLocalDate)
                .containsExactly(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 26));
    }

    @Test
    void dailyAtRequiresTimeAndZone() {
        assertThatThrownBy(() -> Schedule.dailyAt(null, COPENHAGEN)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Schedule.dailyAt(THREE, null)).isInstanceOf(NullPointerException.class);
    }

    private static Instant local(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, COPENHAGEN).toInstant();
    }

    private static List<ZonedDateTime> runs(Schedule schedule, Instant from, int count) {
        List<ZonedDateTime> runs = new ArrayList<>();
        Instant previous = from;
        for (int i = 0; i < count; i++) {
            previous = schedule.nextAfter(previous);
            runs.add(previous.atZone(COPENHAGEN));
        }
        return runs;
    }
}
