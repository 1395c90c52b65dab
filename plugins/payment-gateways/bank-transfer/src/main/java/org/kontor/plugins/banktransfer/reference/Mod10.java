package org.kontor.plugins.banktransfer.reference;

/**
 * Modulus 10 with weights 2, 1, 2, 1 … from the right and the digit sums of the products (Luhn), as Nets and the Danish
 * FI cards use for the check digit of a payment id.
 */
public final class Mod10 {

    private Mod10() {
    }

    /** The check digit to append to {@code digits}. */
    public static int checkDigit(String digits) {
        requireDigits(digits);
        int sum = 0;
        boolean two = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int product = (digits.charAt(i) - '0') * (two ? 2 : 1);
            sum += product / 10 + product % 10;
            two = !two;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether the last digit of {@code digitsWithCheck} is the check digit of the others. */
    public static boolean isValid(String digitsWithCheck) {
        if (digitsWithCheck == null || digitsWithCheck.length() < 2 || !digitsWithCheck.chars().allMatch(Mod10::isDigit)) {
            return false;
        }
        String base = digitsWithCheck.substring(0, digitsWithCheck.length() - 1);
        return checkDigit(base) == digitsWithCheck.charAt(digitsWithCheck.length() - 1) - '0';
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static void requireDigits(String digits) {
        if (digits == null || digits.isEmpty() || !digits.chars().allMatch(Mod10::isDigit)) {
            throw new IllegalArgumentException("digits expected, was '" + digits + "'");
        }
    }
}
