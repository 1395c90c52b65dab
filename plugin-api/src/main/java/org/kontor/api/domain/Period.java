package org.kontor.api.domain;

/**
 * A registration or renewal period in whole years or months, as EPP's {@code domain:period}
 * ({@code unit="y"} or {@code unit="m"}, 1 to 99).
 */
public record Period(int value, Unit unit) {

    /** The unit of a period. */
    public enum Unit {
        YEARS("y"), MONTHS("m");

        private final String eppCode;

        Unit(String eppCode) {
            this.eppCode = eppCode;
        }

        /** The EPP {@code unit} attribute: {@code y} or {@code m}. */
        public String eppCode() {
            return eppCode;
        }
    }

    /**
     * @throws IllegalArgumentException if the value is outside 1..99 or the unit is missing
     */
    public Period {
        if (unit == null) {
            throw new IllegalArgumentException("period unit is required");
        }
        if (value < 1 || value > 99) {
            throw new IllegalArgumentException("period must be 1 to 99 " + unit.name().toLowerCase() + ", was " + value);
        }
    }

    public static Period years(int years) {
        return new Period(years, Unit.YEARS);
    }

    public static Period months(int months) {
        return new Period(months, Unit.MONTHS);
    }

    /** The length in months, to compare periods of different units. */
    public int inMonths() {
        return unit == Unit.YEARS ? value * 12 : value;
    }

    @Override
    public String toString() {
        return value + eppCodeSuffix();
    }

    private String eppCodeSuffix() {
        return unit.eppCode();
    }
}
