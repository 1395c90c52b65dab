package org.kontor.plugins.banktransfer.reference;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Danish FI payment of card type 71 ("+71"): a 15-digit payment id (14 digits of the payer's number and a
 * {@link Mod10} check digit) and the creditor's 8-digit FI creditor number, written as the OCR line
 * {@code +71<paymentId+creditor<}.
 */
public record FikReference(String paymentId, String creditor) {

    public static final int PAYMENT_ID_LENGTH = 15;
    private static final Pattern LINE = Pattern.compile("\\+71\\s*<\\s*(\\d{15})\\s*\\+\\s*(\\d{8})\\s*<");
    private static final Pattern CREDITOR = Pattern.compile("\\d{8}");

    public FikReference {
        if (!isValidPaymentId(paymentId)) {
            throw new IllegalArgumentException("not a valid +71 payment id: '" + paymentId + "'");
        }
        Objects.requireNonNull(creditor, "creditor");
        if (!CREDITOR.matcher(creditor).matches()) {
            throw new IllegalArgumentException("an FI creditor number has 8 digits, was '" + creditor + "'");
        }
    }

    /** The reference for a stable number (an account's or an invoice's), at most 14 digits. */
    public static FikReference of(long number, String creditor) {
        return new FikReference(paymentId(number), creditor);
    }

    /** The 15-digit payment id of a number: zero-padded to 14 digits, then the check digit. */
    public static String paymentId(long number) {
        if (number < 0 || number > 99_999_999_999_999L) {
            throw new IllegalArgumentException("a +71 payment id holds 0 to 14 digits, was " + number);
        }
        String base = String.format(Locale.ROOT, "%014d", number);
        return base + Mod10.checkDigit(base);
    }

    /** Whether {@code paymentId} has 15 digits whose last is the check digit of the others. */
    public static boolean isValidPaymentId(String paymentId) {
        return paymentId != null && paymentId.length() == PAYMENT_ID_LENGTH && Mod10.isValid(paymentId);
    }

    /** Reads an OCR line {@code +71<…+…<}; empty when there is none or its check digit is wrong. */
    public static Optional<FikReference> parseLine(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = LINE.matcher(text);
        while (m.find()) {
            if (isValidPaymentId(m.group(1))) {
                return Optional.of(new FikReference(m.group(1), m.group(2)));
            }
        }
        return Optional.empty();
    }

    /** The payer's number inside the payment id, without padding and check digit. */
    public long number() {
        return Long.parseLong(paymentId.substring(0, PAYMENT_ID_LENGTH - 1));
    }

    /** {@code +71<000000000123455+12345678<}. */
    public String line() {
        return "+71<" + paymentId + "+" + creditor + "<";
    }
}
