package org.kontor.host.admin;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kontor.api.money.Money;

/**
 * Reading the admin's catalog, product and voucher forms. A refused field is kept as {@code field → {code, arg}}, which
 * the form macros show next to the field as the message {@code form.error.<code>} in the user's language.
 */
final class AdminForms {

    /** The refused fields of one form, in the order found. */
    static final class Errors {
        private final Map<String, Map<String, String>> fields = new LinkedHashMap<>();

        void add(String field, String code) {
            add(field, code, "");
        }

        void add(String field, String code, String arg) {
            fields.putIfAbsent(field, Map.of("code", code, "arg", arg));
        }

        boolean has(String field) {
            return fields.containsKey(field);
        }

        boolean isEmpty() {
            return fields.isEmpty();
        }

        Map<String, Map<String, String>> asMap() {
            return fields;
        }
    }

    private AdminForms() {
    }

    static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    static boolean checked(Context ctx, String name) {
        return "true".equals(ctx.formParam(name));
    }

    /** Words separated by commas or white space, in the order given, without repeats. */
    static Set<String> list(String text) {
        Set<String> items = new LinkedHashSet<>();
        Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(item -> !item.isEmpty()).forEach(items::add);
        return items;
    }

    /** A whole number, or null when the field is empty or is not one (then it is refused with {@code code}). */
    static Integer integer(Context ctx, String name, String code, Errors errors) {
        String text = text(ctx, name);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            errors.add(name, code);
            return null;
        }
    }

    static Currency currency(String code) {
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An amount in the currency; null when it cannot be read (too many decimals for the currency included). */
    static Money money(String text, Currency currency) {
        try {
            return Money.of(new BigDecimal(text.strip().replace(',', '.')), currency);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }

    /** A day ({@code 2027-01-01}, midnight UTC) or an instant ({@code 2027-01-01T12:00:00Z}); null when neither. */
    static Instant instant(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** How a stored instant is shown in a form field: the day when it is midnight UTC, else the instant. */
    static String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        String text = instant.toString();
        return text.endsWith("T00:00:00Z") ? text.substring(0, 10) : text;
    }
}
