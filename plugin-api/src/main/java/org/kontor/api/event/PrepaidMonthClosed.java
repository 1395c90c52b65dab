package org.kontor.api.event;

import java.time.YearMonth;
import org.kontor.api.money.Money;

/**
 * A month of a prepaid account was closed: the billing side issues the settlement invoice with zero to
 * pay that lists every payment drawn in that month.
 *
 * @param charged the sum drawn in the month
 */
public record PrepaidMonthClosed(String accountId, String ownerId, YearMonth month, Money charged, int payments)
        implements Event {
}
