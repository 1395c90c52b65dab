package org.kontor.plugins.epp.command;

/** A registration period: 1–99 years or months (RFC 5731 §2.5). */
public record Period(int value, Unit unit) {

    /** The unit as EPP writes it. */
    public enum Unit {
        YEARS("y"), MONTHS("m");

        private final String code;

        Unit(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public Period {
        if (value < 1 || value > 99 || unit == null) {
            throw new IllegalArgumentException("a period is 1 to 99 years or months: " + value + " " + unit);
        }
    }

    public static Period years(int years) {
        return new Period(years, Unit.YEARS);
    }

    public static Period months(int months) {
        return new Period(months, Unit.MONTHS);
    }
}
