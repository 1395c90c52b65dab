package org.kontor.host.billing.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.api.money.Money;
import org.kontor.host.config.ConfigException;
import org.kontor.host.config.KontorConfig;

/** Fees, interest and the configuration that gives them. */
class DunningTermsTest {

    private static final LocalDate FROM = LocalDate.of(2027, 3, 1);

    private static LevelTerms rate(String percent) {
        return new LevelTerms(DunningLevel.FIRST_DUNNING, 14, Map.of(), new BigDecimal(percent));
    }

    @Test
    void interestIsCountedPerDayAndRoundedHalfUpOnce() {
        // 1000.00 × 8.27 % × 30 / 365 = 6.797260… → 6.80
        assertThat(rate("8.27").interest(Money.of("1000.00", "DKK"), FROM, FROM.plusDays(30)))
                .isEqualTo(Money.of("6.80", "DKK"));
        // 18.25 × 10 % × 1 / 365 = 0.005 exactly: half-up gives 0.01 (half-even would give 0.00)
        assertThat(rate("10").interest(Money.of("18.25", "EUR"), FROM, FROM.plusDays(1)))
                .isEqualTo(Money.of("0.01", "EUR"));
        // 18.24 × 10 % / 365 = 0.004997… → 0.00
        assertThat(rate("10").interest(Money.of("18.24", "EUR"), FROM, FROM.plusDays(1)))
                .isEqualTo(Money.of("0.00", "EUR"));
        // yen have no minor unit: 1825 × 10 % / 365 = 0.5 → 1
        assertThat(rate("10").interest(Money.of("1825", "JPY"), FROM, FROM.plusDays(1))).isEqualTo(Money.of("1", "JPY"));
        // a leap year counts 365 days too: 366 days at 5 % on 36500 = 1830.00
        assertThat(rate("5").interest(Money.of("36500.00", "DKK"), LocalDate.of(2028, 1, 1), LocalDate.of(2029, 1, 1)))
                .isEqualTo(Money.of("1830.00", "DKK"));
    }

    @Test
    void noInterestWithoutDaysRateOrAmount() {
        assertThat(rate("8").interest(Money.of("100.00", "DKK"), FROM, FROM)).isEqualTo(Money.of("0.00", "DKK"));
        assertThat(rate("8").interest(Money.of("100.00", "DKK"), FROM, FROM.minusDays(3))).isEqualTo(Money.of("0.00", "DKK"));
        assertThat(rate("0").interest(Money.of("100.00", "DKK"), FROM, FROM.plusDays(99))).isEqualTo(Money.of("0.00", "DKK"));
    }

    @Test
    void feesArePerCurrencyAndNoneWhereNotListed() {
        DunningConfig config = Dunnings.config();
        assertThat(config.terms(DunningLevel.FIRST_DUNNING).fee(Currency.getInstance("DKK"))).isEqualTo(Money.of("100", "DKK"));
        assertThat(config.terms(DunningLevel.SECOND_DUNNING).fee(Currency.getInstance("EUR"))).isEqualTo(Money.of("15", "EUR"));
        assertThat(config.terms(DunningLevel.FIRST_DUNNING).fee(Currency.getInstance("CZK"))).isEqualTo(Money.of("0", "CZK"));
        assertThat(config.terms(DunningLevel.REMINDER).fee(Currency.getInstance("DKK"))).isEqualTo(Money.of("0", "DKK"));
        assertThat(config.terms(DunningLevel.FIRST_DUNNING).yearlyInterestRate()).isEqualByComparingTo("8.27");
        assertThat(config.terms(DunningLevel.REMINDER).days()).isEqualTo(7);
        assertThat(config.enabled()).isFalse();
    }

    @Test
    void badConfigurationNamesTheKey() {
        for (Map.Entry<String, String> bad : Map.of("billing.dunning.fee.first", "100 DKK",
                "billing.dunning.fee.second", "DKK 100, DKK 50", "billing.dunning.interest.first", "-1",
                "billing.dunning.days.second", "-3", "billing.dunning.run-at", "noon",
                "billing.dunning.fee.reminder", "DKK 1.234").entrySet()) {
            Map<String, String> values = new HashMap<>(Dunnings.CONFIG);
            values.put(bad.getKey(), bad.getValue());
            assertThatThrownBy(() -> DunningConfig.from(KontorConfig.of(values), Dunnings.ZONE)).as(bad.getKey())
                    .isInstanceOf(ConfigException.class).hasMessageContaining(bad.getKey());
        }
    }

    @Test
    void theShippedDefaultsAreReadable() throws Exception {
        java.util.Properties defaults = new java.util.Properties();
        try (var in = getClass().getClassLoader().getResourceAsStream("kontor-defaults.properties")) {
            defaults.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        Map<String, String> values = new HashMap<>();
        defaults.stringPropertyNames().forEach(key -> values.put(key, defaults.getProperty(key)));
        DunningConfig config = DunningConfig.from(KontorConfig.of(values), ZoneId.of("Europe/Copenhagen"));
        assertThat(config.enabled()).isFalse();
        assertThat(config.terms(DunningLevel.FIRST_DUNNING).fee(Currency.getInstance("DKK"))).isEqualTo(Money.of("100", "DKK"));
        assertThat(config.runAt()).isEqualTo(LocalTime.of(6, 0));
    }

    @Test
    void theJobRunsDailyAtTheConfiguredTime() {
        DunningConfig config = Dunnings.config();
        DunningJob job = new DunningJob(new DunningRuns(null, null, null, null, null, null, null, null, config, null, null));
        assertThat(job.name()).isEqualTo("dunning");
        assertThat(job.schedule().nextAfter(Instant.parse("2027-03-08T04:00:00Z")))
                .as("06:00 in Copenhagen is 05:00 UTC in winter").isEqualTo(Instant.parse("2027-03-08T05:00:00Z"));
        assertThat(job.schedule().nextAfter(Instant.parse("2027-03-08T05:00:00Z")))
                .isEqualTo(Instant.parse("2027-03-09T05:00:00Z"));
    }

    @Test
    void levelsComeInOrder() {
        assertThat(DunningLevel.REMINDER.next()).contains(DunningLevel.FIRST_DUNNING);
        assertThat(DunningLevel.FIRST_DUNNING.next()).contains(DunningLevel.SECOND_DUNNING);
        assertThat(DunningLevel.SECOND_DUNNING.isLast()).isTrue();
        assertThat(DunningLevel.REMINDER.isLast()).isFalse();
    }
}
