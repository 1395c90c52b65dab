package org.kontor.plugins.banktransfer.statement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kontor.api.money.Money;

/**
 * Reads SWIFT MT940 customer statements, with or without the SWIFT block headers ({@code {1:…}{2:…}{4:} … {@code -}}).
 * Fields: {@code :20:} reference, {@code :25:} account, {@code :28C:} statement number, {@code :60F:}/{@code :60M:}
 * opening balance, {@code :61:} statement lines each followed by its {@code :86:} information, {@code :62F:}/{@code :62M:}
 * closing balance. A field runs on over the following lines until the next {@code :NN:} tag.
 */
public final class Mt940Parser {

    private static final Pattern TAG = Pattern.compile("^:(\\d{2}[A-Z]?):(.*)$");
    private static final Pattern BALANCE = Pattern.compile("^([CD])(\\d{6})([A-Z]{3})(\\d{1,15},\\d{0,3})\\s*$");
    private static final Pattern LINE = Pattern.compile(
            "^(\\d{6})(\\d{4})?(RC|RD|C|D)([A-Z])?(\\d{1,15},\\d{0,3})([NSF][A-Z0-9]{3})([^\\n]*?)(?://([^\\n]*))?(?:\\n(.*))?$",
            Pattern.DOTALL);

    public List<Statement> parse(byte[] content) throws StatementException {
        String text = new String(content, StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
        List<Statement> statements = new ArrayList<>();
        Builder current = null;
        Field field = null;
        for (String rawLine : text.split("\n")) {
            String line = stripBlockSyntax(rawLine);
            if (line == null) {
                if (field != null && current != null) {
                    current.take(field);
                }
                field = null;
                continue;
            }
            Matcher tag = TAG.matcher(line);
            if (tag.matches()) {
                if (field != null && current != null) {
                    current.take(field);
                }
                field = new Field(tag.group(1), new StringBuilder(tag.group(2)));
                if (field.tag().equals("20")) {
                    if (current != null) {
                        statements.add(current.build());
                    }
                    current = new Builder();
                } else if (current == null) {
                    throw new StatementException("MT940: field :" + field.tag() + ": before the :20: reference");
                }
            } else if (field != null && !line.isEmpty()) {
                field.value().append('\n').append(line);
            }
        }
        if (field != null && current != null) {
            current.take(field);
        }
        if (current != null) {
            statements.add(current.build());
        }
        if (statements.isEmpty()) {
            throw new StatementException("MT940: no statement (no :20: field)");
        }
        return statements;
    }

    /** The line without SWIFT block framing; null for a line that ends a message ({@code -}, {@code -}}). */
    private static String stripBlockSyntax(String line) {
        String stripped = line.strip();
        if (stripped.equals("-") || stripped.startsWith("-}")) {
            return null;
        }
        int block4 = stripped.indexOf("{4:");
        if (block4 >= 0) {
            stripped = stripped.substring(block4 + 3);
        } else if (stripped.startsWith("{1:") || stripped.startsWith("{5:")) {
            return "";
        }
        return stripped;
    }

    private record Field(String tag, StringBuilder value) {
        String text() {
            return value.toString().strip();
        }
    }

    private static final class Builder {
        private String reference;
        private String number;
        private String account;
        private Money opening;
        private Money closing;
        private LocalDate closingDate;
        private final List<StatementEntry> entries = new ArrayList<>();
        private Line pending;

        void take(Field field) throws StatementException {
            switch (field.tag()) {
                case "20" -> reference = field.text();
                case "25" -> account = field.text().replace(" ", "");
                case "28C", "28" -> number = field.text();
                case "60F", "60M" -> opening = balance(field);
                case "61" -> {
                    flush();
                    pending = line(field.text());
                }
                case "86" -> {
                    if (pending != null) {
                        pending = pending.withInformation(field.text());
                        flush();
                    }
                }
                case "62F", "62M" -> {
                    flush();
                    closing = balance(field);
                    closingDate = date(BALANCE.matcher(field.text()).results().findFirst().orElseThrow().group(2));
                }
                default -> flush();
            }
        }

        private void flush() {
            if (pending != null) {
                int index = entries.size() + 1;
                entries.add(pending.entry(statementId() + "/" + index));
                pending = null;
            }
        }

        String statementId() {
            return number == null ? reference : reference + "/" + number;
        }

        Statement build() throws StatementException {
            flush();
            if (account == null) {
                throw new StatementException("MT940 statement " + reference + " without :25: account");
            }
            if (opening == null || closing == null) {
                throw new StatementException("MT940 statement " + reference + " without :60F: or :62F: balance");
            }
            return new Statement("MT940", statementId(), account, closingDate, opening, closing, entries);
        }

        private static Money balance(Field field) throws StatementException {
            Matcher m = BALANCE.matcher(field.text());
            if (!m.matches()) {
                throw new StatementException("MT940: cannot read the balance :" + field.tag() + ":" + field.text());
            }
            Money amount = money(m.group(4), m.group(3));
            return m.group(1).equals("D") ? amount.negate() : amount;
        }

        private Line line(String text) throws StatementException {
            Matcher m = LINE.matcher(text);
            if (!m.matches()) {
                throw new StatementException("MT940: cannot read the statement line :61:" + text);
            }
            if (opening == null) {
                throw new StatementException("MT940: statement line before the opening balance :60F:");
            }
            LocalDate value = date(m.group(1));
            LocalDate booked = value;
            if (m.group(2) != null) {
                int month = Integer.parseInt(m.group(2).substring(0, 2));
                int day = Integer.parseInt(m.group(2).substring(2));
                int year = value.getYear();
                if (month == 12 && value.getMonthValue() == 1) {
                    year--;
                } else if (month == 1 && value.getMonthValue() == 12) {
                    year++;
                }
                try {
                    booked = LocalDate.of(year, month, day);
                } catch (DateTimeException e) {
                    throw new StatementException("MT940: bad entry date in :61:" + text, e);
                }
            }
            String mark = m.group(3);
            // A reversal of a debit brings money in; a reversal of a credit takes it out.
            boolean credit = mark.equals("C") || mark.equals("RD");
            Money amount = money(m.group(5), opening.currencyCode());
            String bankReference = blankToNull(m.group(8));
            String customerReference = blankToNull(m.group(7));
            return new Line(booked, amount, credit, mark.startsWith("R"), customerReference, bankReference,
                    blankToNull(m.group(9)), null);
        }

        private static LocalDate date(String yymmdd) throws StatementException {
            try {
                return LocalDate.of(2000 + Integer.parseInt(yymmdd.substring(0, 2)),
                        Integer.parseInt(yymmdd.substring(2, 4)), Integer.parseInt(yymmdd.substring(4, 6)));
            } catch (DateTimeException e) {
                throw new StatementException("MT940: bad date " + yymmdd, e);
            }
        }

        private static Money money(String amount, String currency) throws StatementException {
            String decimal = amount.replace(',', '.');
            if (decimal.endsWith(".")) {
                decimal = decimal.substring(0, decimal.length() - 1);
            }
            try {
                return Money.of(new BigDecimal(decimal), Currency.getInstance(currency));
            } catch (IllegalArgumentException e) {
                throw new StatementException("MT940: bad amount " + amount + " " + currency, e);
            }
        }
    }

    /** A {@code :61:} line and its {@code :86:} information. */
    private record Line(LocalDate booked, Money amount, boolean credit, boolean reversal, String customerReference,
                        String bankReference, String supplementary, String information) {

        Line withInformation(String text) {
            return new Line(booked, amount, credit, reversal, customerReference, bankReference, supplementary, text);
        }

        StatementEntry entry(String positionalReference) {
            String reference = bankReference != null && !bankReference.equalsIgnoreCase("NONREF")
                    ? bankReference : positionalReference;
            String remittance = information == null ? null : information.replace('\n', ' ');
            // Lines are cut at 65 characters, possibly inside a reference: the joined form lets it be found again.
            String joined = information == null ? null : information.replace("\n", "");
            String endToEnd = customerReference == null || customerReference.equalsIgnoreCase("NONREF")
                    ? null : customerReference;
            String additional = supplementary == null ? joined : joined == null ? supplementary : joined + " " + supplementary;
            return new StatementEntry(reference, booked, amount, credit, reversal, null, remittance,
                    additional, endToEnd, null);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
