package org.kontor.plugins.prepaidaccount.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Set;
import org.kontor.api.money.Money;
import org.kontor.plugins.prepaidaccount.ledger.EntryKind;

/** Reads typed values from form fields, query parameters and JSON strings; a bad value is an {@link InvalidInput}. */
final class Inputs {

    private Inputs() {
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInput.of(field, field + " is required");
        }
        return value.strip();
    }

    /** {@code 3000}, {@code 3000.50}, {@code 3 000,50}: an exact amount in the currency, never a float. */
    static Money money(String field, String value, Currency currency) {
        String text = required(field, value).replace("\u00a0", "").replace(" ", "").replace(',', '.');
        try {
            return Money.of(new BigDecimal(text), currency);
        } catch (NumberFormatException e) {
            throw InvalidInput.of(field, field + " must be an amount such as 3000.00");
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(field, field + " has more decimals than " + currency.getCurrencyCode() + " allows");
        }
    }

    static Money optionalMoney(String field, String value, Currency currency) {
        return value == null || value.isBlank() ? null : money(field, value, currency);
    }

    /** A day (yyyy-MM-dd) as the start of that day in UTC; {@code nextDay} gives the end of it. */
    static Instant day(String field, String value, boolean nextDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            return (nextDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, field + " must be a date such as 2026-11-30");
        }
    }

    static Set<EntryKind> kinds(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        Set<EntryKind> kinds = EnumSet.noneOf(EntryKind.class);
        for (String name : value.split(",")) {
            try {
                kinds.add(EntryKind.valueOf(name.strip().toUpperCase()));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.of("kind", "kind must be one of TOP_UP, CHARGE, REFUND, ADJUSTMENT, REVERSAL");
            }
        }
        return kinds;
    }

    static int number(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw InvalidInput.of(field, field + " must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw InvalidInput.of(field, field + " must be a whole number");
        }
    }
}
