package org.kontor.plugins.prepaidaccount.web;

import java.util.List;

/** RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled; lines end in CRLF. */
final class Csv {

    private final StringBuilder text = new StringBuilder();

    Csv row(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(fields.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        // A leading =, + or @ would start a formula in a spreadsheet; a quote mark keeps it text (amounts may start with -).
        String safe = !value.isEmpty() && "=+@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
