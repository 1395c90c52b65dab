package org.kontor.host.billing.dunning;

import org.kontor.api.money.Money;

/**
 * A run's result for one invoice.
 *
 * @param level    the level recorded, or the one that is next (null when every level was sent)
 * @param fee      the fee this level charged (zero unless {@link Outcome#DUNNED})
 * @param interest the interest this level charged (zero unless {@link Outcome#DUNNED})
 */
public record InvoiceResult(String invoiceId, String invoiceNumber, String customerId, Outcome outcome,
                            DunningLevel level, Money outstanding, Money fee, Money interest) {

    static InvoiceResult skipped(String invoiceId, String invoiceNumber, String customerId, Outcome outcome,
                                 DunningLevel level, Money outstanding) {
        Money zero = Money.zero(outstanding.currency());
        return new InvoiceResult(invoiceId, invoiceNumber, customerId, outcome, level, outstanding, zero, zero);
    }

    InvoiceResult withOutcome(Outcome other) {
        Money zero = Money.zero(outstanding.currency());
        return other == Outcome.DUNNED ? new InvoiceResult(invoiceId, invoiceNumber, customerId, other, level, outstanding,
                fee, interest) : new InvoiceResult(invoiceId, invoiceNumber, customerId, other, level, outstanding, zero, zero);
    }
}
