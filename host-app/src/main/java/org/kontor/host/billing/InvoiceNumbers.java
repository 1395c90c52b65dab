package org.kontor.host.billing;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Allocates the next number of a series inside the caller's transaction. The counter row is created if missing
 * (a no-op when it exists), then incremented: on PostgreSQL the UPDATE holds the row lock until commit, so a second
 * issuer waits and then counts on from the committed value; SQLite's IMMEDIATE transactions hold the database's write
 * lock. A rollback of the issue takes the increment back with it, so numbers never have gaps, with one host or many on
 * one database.
 */
public final class InvoiceNumbers {

    private final Map<Series, InvoiceNumberFormat> formats;

    public InvoiceNumbers(Map<Series, InvoiceNumberFormat> formats) {
        this.formats = new EnumMap<>(Series.class);
        for (Series series : Series.values()) {
            this.formats.put(series, formats.getOrDefault(series, new InvoiceNumberFormat(series.defaultFormat())));
        }
    }

    public static InvoiceNumbers defaults() {
        return new InvoiceNumbers(Map.of());
    }

    public InvoiceNumberFormat format(Series series) {
        return formats.get(series);
    }

    /** The sequence value and formatted number; call only inside the transaction that issues the document. */
    public Allocated allocate(Handle h, Series series, LocalDate issueDate) {
        InvoiceNumberFormat format = formats.get(series);
        String period = format.period(issueDate);
        h.createUpdate("INSERT INTO invoice_counter (series, period, last_value) VALUES (:series, :period, 0) "
                        + "ON CONFLICT (series, period) DO NOTHING")
                .bind("series", series.name()).bind("period", period).execute();
        int updated = h.createUpdate("UPDATE invoice_counter SET last_value = last_value + 1 "
                        + "WHERE series = :series AND period = :period")
                .bind("series", series.name()).bind("period", period).execute();
        if (updated != 1) {
            throw new IllegalStateException("no counter for " + series + " " + period);
        }
        long value = h.createQuery("SELECT last_value FROM invoice_counter WHERE series = :series AND period = :period")
                .bind("series", series.name()).bind("period", period).mapTo(Long.class).one();
        return new Allocated(value, format.format(issueDate, value));
    }

    public record Allocated(long sequence, String number) {
    }
}
