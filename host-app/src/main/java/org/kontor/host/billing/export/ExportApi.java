package org.kontor.host.billing.export;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.kontor.api.money.Money;
import org.kontor.api.web.Access;
import org.kontor.host.web.ProblemException;

/**
 * {@code GET /api/v1/admin/billing/export?from=&to=&kind=documents|payments}: RFC 4180 CSV with a header row (comma,
 * CRLF, UTF-8), or JSON when the request accepts {@code application/json}. The CSV's columns are the JSON keys in
 * snake_case.
 */
public final class ExportApi {

    static final String PATH = "/api/v1/admin/billing/export";
    private static final long MAX_DAYS = 3 * 366;

    private record Column<T>(String name, Function<T, Object> value) {
    }

    private static final List<Column<DocumentRow>> DOCUMENT_COLUMNS = List.of(
            new Column<>("documentType", DocumentRow::documentType),
            new Column<>("number", DocumentRow::number),
            new Column<>("issueDate", DocumentRow::issueDate),
            new Column<>("supplyDate", DocumentRow::supplyDate),
            new Column<>("dueDate", DocumentRow::dueDate),
            new Column<>("customerId", DocumentRow::customerId),
            new Column<>("buyerName", DocumentRow::buyerName),
            new Column<>("buyerCountry", DocumentRow::buyerCountry),
            new Column<>("buyerVatId", DocumentRow::buyerVatId),
            new Column<>("vatTreatment", DocumentRow::vatTreatment),
            new Column<>("vatCountry", DocumentRow::vatCountry),
            new Column<>("currency", DocumentRow::currency),
            new Column<>("vatRate", DocumentRow::vatRate),
            new Column<>("net", DocumentRow::net),
            new Column<>("vat", DocumentRow::vat),
            new Column<>("gross", DocumentRow::gross),
            new Column<>("documentGross", DocumentRow::documentGross),
            new Column<>("paid", DocumentRow::paid),
            new Column<>("state", DocumentRow::state),
            new Column<>("correctsNumber", DocumentRow::correctsNumber));

    private static final List<Column<PaymentRow>> PAYMENT_COLUMNS = List.of(
            new Column<>("date", PaymentRow::date),
            new Column<>("documentType", PaymentRow::documentType),
            new Column<>("documentNumber", PaymentRow::documentNumber),
            new Column<>("customerId", PaymentRow::customerId),
            new Column<>("amount", PaymentRow::amount),
            new Column<>("currency", row -> row.amount().currencyCode()),
            new Column<>("reference", PaymentRow::reference));

    private final BillingExport export;

    public ExportApi(BillingExport export) {
        this.export = export;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::export, Access.ADMIN);
    }

    private void export(Context ctx) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate from = date(ctx, "from", errors);
        LocalDate to = date(ctx, "to", errors);
        String kind = ctx.queryParam("kind") == null ? "documents" : ctx.queryParam("kind").strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("documents") && !kind.equals("payments")) {
            errors.put("kind", "Use documents or payments.");
        }
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                errors.put("to", "The period ends before it starts.");
            } else if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                errors.put("to", "Export at most three years at once.");
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("The export cannot be made as asked.", errors);
        }
        String accept = ctx.header("Accept");
        boolean json = accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json")
                && !accept.toLowerCase(Locale.ROOT).contains("text/csv");
        if (kind.equals("documents")) {
            answer(ctx, json, kind, from, to, DOCUMENT_COLUMNS, export.documents(from, to));
        } else {
            answer(ctx, json, kind, from, to, PAYMENT_COLUMNS, export.payments(from, to));
        }
    }

    private static <T> void answer(Context ctx, boolean json, String kind, LocalDate from, LocalDate to,
                                   List<Column<T>> columns, List<T> rows) {
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (T row : rows) {
                Map<String, Object> view = new LinkedHashMap<>();
                for (Column<T> column : columns) {
                    view.put(column.name(), text(column.value().apply(row)));
                }
                list.add(view);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", kind);
            body.put("from", from.toString());
            body.put("to", to.toString());
            body.put("rows", list);
            ctx.json(body);
            return;
        }
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader(columns.stream().map(column -> snake(column.name())).toArray(String[]::new)).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (T row : rows) {
                List<String> values = new ArrayList<>();
                for (Column<T> column : columns) {
                    Object value = column.value().apply(row);
                    values.add(value instanceof String free ? cell(free) : text(value));
                }
                printer.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"kontor-" + kind + "-" + from + "-" + to + ".csv\"")
                .result(out.toString());
    }

    /** Amounts with a dot and the currency's decimals, rates plain, dates ISO; empty for none. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Money money) {
            return money.amount().toPlainString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    /**
     * Free text (names, references) that a spreadsheet would take for a formula gets a leading apostrophe, so that
     * opening the export cannot run what a customer typed; amounts are never text here and keep their minus sign.
     */
    private static String cell(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static LocalDate date(Context ctx, String name, Map<String, String> errors) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            errors.put(name, "Give a date as yyyy-mm-dd.");
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(name, "'" + text + "' is not a date as yyyy-mm-dd.");
            return null;
        }
    }
}
