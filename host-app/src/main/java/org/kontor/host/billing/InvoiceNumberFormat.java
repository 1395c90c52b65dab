package org.kontor.host.billing;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number format such as {@code INV-{yyyy}-{seq:6}}: literal text with the placeholders {@code {yyyy}}, {@code {yy}},
 * {@code {mm}} (of the issue date) and {@code {seq}} or {@code {seq:N}} (the sequence, zero-padded to N digits).
 * A format with a year restarts its sequence every year, one with a month every month.
 */
public final class InvoiceNumberFormat {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(yyyy|yy|mm|seq(?::(\\d{1,2}))?)}");
    private static final Pattern ANY_BRACE = Pattern.compile("[{}]");

    private final String format;
    private final boolean perYear;
    private final boolean perMonth;

    /**
     * @throws IllegalArgumentException when the format has no {@code {seq}} exactly once or an unknown placeholder
     */
    public InvoiceNumberFormat(String format) {
        this.format = format;
        Matcher m = PLACEHOLDER.matcher(format);
        int seqs = 0;
        boolean year = false;
        boolean month = false;
        while (m.find()) {
            String name = m.group(1);
            if (name.startsWith("seq")) {
                seqs++;
            } else if (name.equals("mm")) {
                month = true;
            } else {
                year = true;
            }
        }
        if (seqs != 1) {
            throw new IllegalArgumentException("number format '" + format + "' needs {seq} exactly once");
        }
        if (month && !year) {
            throw new IllegalArgumentException("number format '" + format + "' has {mm} without a year");
        }
        if (ANY_BRACE.matcher(PLACEHOLDER.matcher(format).replaceAll("")).find()) {
            throw new IllegalArgumentException("number format '" + format + "' has an unknown placeholder");
        }
        this.perYear = year;
        this.perMonth = month;
    }

    /** The counter a document issued on the date counts in: '', '2027' or '2027-03'. */
    public String period(LocalDate date) {
        if (perMonth) {
            return "%04d-%02d".formatted(date.getYear(), date.getMonthValue());
        }
        return perYear ? "%04d".formatted(date.getYear()) : "";
    }

    public String format(LocalDate date, long sequence) {
        Matcher m = PLACEHOLDER.matcher(format);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "yyyy" -> "%04d".formatted(date.getYear());
                case "yy" -> "%02d".formatted(date.getYear() % 100);
                case "mm" -> "%02d".formatted(date.getMonthValue());
                default -> m.group(2) == null ? Long.toString(sequence)
                        : String.format("%0" + Integer.parseInt(m.group(2)) + "d", sequence);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public String toString() {
        return format;
    }
}
