package org.kontor.host.payments.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.kontor.api.money.Money;

/** Amounts as customers type them in the five languages, and what is refused rather than guessed. */
class AmountInputTest {

    private static final Currency DKK = Currency.getInstance("DKK");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void readsDecimalCommasAndPointsGroupingAndTheCurrencyCode() {
        assertThat(money("125")).isEqualTo(Money.of("125.00", "DKK"));
        assertThat(money("125,5")).isEqualTo(Money.of("125.50", "DKK"));
        assertThat(money("125.50")).isEqualTo(Money.of("125.50", "DKK"));
        assertThat(money(" 1.250,50 ")).isEqualTo(Money.of("1250.50", "DKK"));
        assertThat(money("1,250.50")).isEqualTo(Money.of("1250.50", "DKK"));
        assertThat(money("1 250,50")).isEqualTo(Money.of("1250.50", "DKK"));
        assertThat(money("1\u00a0250,50")).isEqualTo(Money.of("1250.50", "DKK"));
        assertThat(money("1.250.000")).isEqualTo(Money.of("1250000.00", "DKK"));
        assertThat(money("99,90 dkk")).isEqualTo(Money.of("99.90", "DKK"));
        assertThat(money("10.500")).as("trailing zeros are no extra decimals").isEqualTo(Money.of("10.50", "DKK"));
        assertThat(AmountInput.parse("1500", JPY).money()).isEqualTo(Money.of("1500", "JPY"));
    }

    @Test
    void refusesWhatItCannotReadWithoutGuessing() {
        assertThat(error("")).isEqualTo("amount-required");
        assertThat(error("   ")).isEqualTo("amount-required");
        assertThat(error("ti kroner")).isEqualTo("amount-format");
        assertThat(error("12,5,0.3")).isEqualTo("amount-format");
        assertThat(error("1e5")).isEqualTo("amount-format");
        assertThat(error("12.")).isEqualTo("amount-format");
        assertThat(error("12 EUR")).isEqualTo("amount-format");
        assertThat(error("9".repeat(31))).isEqualTo("amount-format");
        assertThat(error("10,555")).isEqualTo("amount-decimals");
        assertThat(AmountInput.parse("10,555", DKK).arg()).isEqualTo("2");
        assertThat(AmountInput.parse("1500.5", JPY).error()).isEqualTo("amount-decimals");
        assertThat(error("0")).isEqualTo("amount-not-positive");
        assertThat(error("0,00")).isEqualTo("amount-not-positive");
        assertThat(error("-5")).isEqualTo("amount-not-positive");
    }

    @Test
    void showsAnAmountWithTheLanguagesDecimalSign() {
        assertThat(AmountInput.plain(Money.of("1250.50", "DKK"), Locale.forLanguageTag("da"))).isEqualTo("1250,50");
        assertThat(AmountInput.plain(Money.of("1250.50", "DKK"), Locale.forLanguageTag("cs"))).isEqualTo("1250,50");
        assertThat(AmountInput.plain(Money.of("1250.50", "DKK"), Locale.forLanguageTag("en"))).isEqualTo("1250.50");
    }

    private static Money money(String text) {
        AmountInput.Parsed parsed = AmountInput.parse(text, DKK);
        assertThat(parsed.error()).as(text).isNull();
        return parsed.money();
    }

    private static String error(String text) {
        AmountInput.Parsed parsed = AmountInput.parse(text, DKK);
        assertThat(parsed.money()).as(text).isNull();
        return parsed.error();
    }
}
