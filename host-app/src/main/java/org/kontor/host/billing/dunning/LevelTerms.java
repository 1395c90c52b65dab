package org.kontor.host.billing.dunning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import org.kontor.api.money.Money;

/**
 * What one level asks for.
 *
 * @param days               days after the due date (the first level) or after the previous level was sent
 * @param fees               the fee per currency; none in a currency that is not listed
 * @param yearlyInterestRate percent per year on the outstanding amount, e.g. 8 for 8 %
 */
public record LevelTerms(DunningLevel level, int days, Map<Currency, Money> fees, BigDecimal yearlyInterestRate) {

    /** Interest is counted per day, 365 days to the year. */
    static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);

    public LevelTerms {
        Objects.requireNonNull(level, "level");
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative, was " + days);
        }
        fees = Map.copyOf(fees);
        fees.forEach((currency, fee) -> {
            if (!fee.currency().equals(currency) || fee.isNegative()) {
                throw new IllegalArgumentException("bad fee " + fee + " for " + currency);
            }
        });
        if (yearlyInterestRate.signum() < 0) {
            throw new IllegalArgumentException("the interest rate must not be negative, was " + yearlyInterestRate);
        }
    }

    public Money fee(Currency currency) {
        return fees.getOrDefault(currency, Money.zero(currency));
    }

    /**
     * Interest on {@code outstanding} from {@code from} to {@code to} (the days between; none when {@code to} is not
     * after {@code from}): outstanding × rate / 100 × days / 365, rounded half-up to the currency's minor unit once.
     */
    public Money interest(Money outstanding, LocalDate from, LocalDate to) {
        long days = Math.max(0, ChronoUnit.DAYS.between(from, to));
        if (days == 0 || yearlyInterestRate.signum() == 0 || !outstanding.isPositive()) {
            return Money.zero(outstanding.currency());
        }
        BigDecimal interest = outstanding.amount().multiply(yearlyInterestRate).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(100).multiply(DAYS_PER_YEAR), outstanding.amount().scale(), RoundingMode.HALF_UP);
        return Money.of(interest, outstanding.currency());
    }
}
