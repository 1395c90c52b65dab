package org.kontor.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TestClockTest {

    @Test
    void standsStillUntilMoved() {
        TestClock clock = TestClock.at(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(clock.advance(Duration.ofMinutes(5))).isEqualTo(Instant.parse("2030-01-01T00:05:00Z"));
        assertThat(clock.millis()).isEqualTo(Instant.parse("2030-01-01T00:05:00Z").toEpochMilli());
        clock.set(Instant.parse("2031-01-01T00:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2031-01-01T00:00:00Z"));
    }

    @Test
    void aZonedViewMovesWithTheClock() {
        TestClock clock = TestClock.fixed();
        Clock copenhagen = clock.withZone(ZoneId.of("Europe/Copenhagen"));
        clock.advance(Duration.ofHours(1));
        assertThat(copenhagen.instant()).isEqualTo(clock.instant());
        assertThat(copenhagen.getZone()).isEqualTo(ZoneId.of("Europe/Copenhagen"));
    }
}
