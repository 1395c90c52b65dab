package org.kontor.host.billing.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.kontor.api.money.Money;
import org.kontor.host.billing.Invoice;

/**
 * What is next for one overdue invoice on a given day: the next level and whether its day has come, with the fee and
 * the interest it would charge.
 *
 * @param outcome         {@link Outcome#DUNNED} when the level is due today, {@link Outcome#NOT_DUE} or
 *                        {@link Outcome#COMPLETE}
 * @param level           the next level (null when complete)
 * @param interestRate    the level's yearly rate in percent (zero when complete)
 * @param interestFrom    where this level's interest starts: the due date, or where the previous level's ended
 * @param earlierFees     the fees of the levels sent before
 * @param earlierInterest the interest of the levels sent before
 * @param outstanding     what is still due on the invoice: its total less payments and credit notes
 */
public record InvoicePlan(Invoice invoice, Money outstanding, Outcome outcome, DunningLevel level, Money fee, Money interest,
                          BigDecimal interestRate, LocalDate interestFrom, Money earlierFees, Money earlierInterest) {

    /** The plan for {@code invoice}, whose recorded levels are {@code history}, on {@code today}. */
    public static InvoicePlan of(Invoice invoice, List<LevelRecord> history, DunningConfig config, LocalDate today) {
        return of(invoice, Money.zero(invoice.currency()), history, config, today);
    }

    /**
     * The plan for {@code invoice} of which credit notes took back {@code credited} (a positive amount), whose recorded
     * levels are {@code history}, on {@code today}.
     */
    public static InvoicePlan of(Invoice invoice, Money credited, List<LevelRecord> history, DunningConfig config,
                                 LocalDate today) {
        Money outstanding = invoice.outstanding().minus(credited);
        Money zero = Money.zero(invoice.currency());
        Money earlierFees = history.stream().map(LevelRecord::fee).reduce(zero, Money::plus);
        Money earlierInterest = history.stream().map(LevelRecord::interest).reduce(zero, Money::plus);
        Optional<LevelRecord> last = history.stream().max(Comparator.comparing(LevelRecord::level));
        Optional<DunningLevel> next = last.isEmpty() ? Optional.of(DunningLevel.REMINDER) : last.get().level().next();
        if (next.isEmpty()) {
            return new InvoicePlan(invoice, outstanding, Outcome.COMPLETE, null, zero, zero, BigDecimal.ZERO, null, earlierFees,
                    earlierInterest);
        }
        LevelTerms terms = config.terms(next.get());
        LocalDate countsFrom = last.map(LevelRecord::sentOn).orElse(invoice.dueDate());
        LocalDate interestFrom = last.map(LevelRecord::interestTo).orElse(invoice.dueDate());
        boolean due = today.isAfter(invoice.dueDate()) && !today.isBefore(countsFrom.plusDays(terms.days()));
        if (!due) {
            return new InvoicePlan(invoice, outstanding, Outcome.NOT_DUE, next.get(), zero, zero, terms.yearlyInterestRate(),
                    interestFrom, earlierFees, earlierInterest);
        }
        return new InvoicePlan(invoice, outstanding, Outcome.DUNNED, next.get(), terms.fee(invoice.currency()),
                terms.interest(outstanding, interestFrom, today), terms.yearlyInterestRate(), interestFrom, earlierFees,
                earlierInterest);
    }

    /** What the customer owes on this invoice with every fee and interest charged so far, this level's included. */
    public Money toPay() {
        return outstanding.plus(earlierFees).plus(fee).plus(earlierInterest).plus(interest);
    }

    InvoiceResult result(Outcome reported) {
        return new InvoiceResult(invoice.id(), invoice.number(), invoice.customerId(), outcome, level,
                outstanding, fee, interest).withOutcome(reported);
    }
}
