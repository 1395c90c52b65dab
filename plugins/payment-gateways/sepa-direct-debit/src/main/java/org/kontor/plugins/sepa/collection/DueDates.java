package org.kontor.plugins.sepa.collection;

import java.time.LocalDate;

/**
 * When a collection falls due: the pre-notification period after today, at the earliest the lead time in business
 * days (CORE and B2B: D-1, the file reaches the bank one business day before), moved to a business day.
 */
public record DueDates(long prenotificationDays, long leadBusinessDays) {

    public DueDates {
        if (prenotificationDays < 0 || leadBusinessDays < 1) {
            throw new IllegalArgumentException("pre-notification days must be >= 0 and lead business days >= 1");
        }
    }

    public LocalDate dueDate(LocalDate today) {
        return latest(BusinessDays.onOrAfter(today.plusDays(prenotificationDays)), earliestCollection(today));
    }

    /** The earliest due date a file submitted today may ask for. */
    public LocalDate earliestCollection(LocalDate today) {
        return BusinessDays.plus(BusinessDays.onOrAfter(today), leadBusinessDays);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
