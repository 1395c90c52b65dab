package org.kontor.host.billing.dunning;

import java.time.LocalDate;
import org.kontor.api.money.Money;

/**
 * A level an invoice has reached, as recorded.
 *
 * @param interestTo the day up to which interest was charged; the next level's interest starts there
 * @param sentOn     the run's date, from which the next level's days count
 */
public record LevelRecord(String invoiceId, DunningLevel level, String runId, Money outstanding, Money fee,
                          Money interest, LocalDate interestFrom, LocalDate interestTo, LocalDate sentOn) {
}
