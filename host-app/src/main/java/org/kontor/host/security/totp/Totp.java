package org.kontor.host.security.totp;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238, on HOTP, RFC 4226) with the JDK's HMAC: what authenticator apps show.
 *
 * @param algorithm  HmacSHA1 (what apps expect by default), HmacSHA256 or HmacSHA512
 * @param digits     6 to 8
 * @param step       the time step, usually 30 seconds
 */
public record Totp(String algorithm, int digits, Duration step) {

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    public Totp {
        if (!algorithm.equals("HmacSHA1") && !algorithm.equals("HmacSHA256") && !algorithm.equals("HmacSHA512")) {
            throw new IllegalArgumentException("unsupported TOTP algorithm " + algorithm);
        }
        if (digits < 6 || digits > 8 || step.toSeconds() < 1) {
            throw new IllegalArgumentException("a TOTP needs 6 to 8 digits and a step of at least a second");
        }
    }

    /** SHA-1, six digits, 30 seconds: what every authenticator app supports. */
    public static Totp standard() {
        return new Totp("HmacSHA1", 6, Duration.ofSeconds(30));
    }

    /** The time step an instant falls in. */
    public long stepAt(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), step.toSeconds());
    }

    /** The code for a time step, with leading zeros. */
    public String code(byte[] secret, long timeStep) {
        byte[] hash = hmac(secret, ByteBuffer.allocate(8).putLong(timeStep).array());
        int offset = hash[hash.length - 1] & 0x0F;
        int binary = ((hash[offset] & 0x7F) << 24) | ((hash[offset + 1] & 0xFF) << 16)
                | ((hash[offset + 2] & 0xFF) << 8) | (hash[offset + 3] & 0xFF);
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * The time step whose code was given, accepting one step either side of now for clock drift; empty when none
     * matches. The caller keeps the last step it accepted for the secret and refuses that step and older ones, so a
     * code works once.
     */
    public OptionalLong verify(byte[] secret, String given, Instant now) {
        if (given == null) {
            return OptionalLong.empty();
        }
        String code = given.replace(" ", "");
        if (code.length() != digits || !code.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        long current = stepAt(now);
        for (long candidate = current - 1; candidate <= current + 1; candidate++) {
            if (MessageDigest.isEqual(code(secret, candidate).getBytes(), code.getBytes())) {
                return OptionalLong.of(candidate);
            }
        }
        return OptionalLong.empty();
    }

    private byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, "RAW"));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(algorithm + " is not usable in this Java runtime", e);
        }
    }
}
