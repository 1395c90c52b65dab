package org.kontor.host.catalog;

/** The periods allowed for an operation, in whole years from {@code min} to {@code max} inclusive. */
public record YearRange(int min, int max) {

    public static final int LONGEST = 10;

    public boolean allows(int years) {
        return years >= min && years <= max;
    }

    @Override
    public String toString() {
        return min == max ? min + " year" + (min == 1 ? "" : "s") : min + " to " + max + " years";
    }
}
