package org.kontor.host.security.totp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Single-use codes that stand in for the authenticator app when it is lost: ten codes of 80 random bits each, shown
 * once as {@code XXXX-XXXX-XXXX-XXXX}; only their SHA-256 digests are stored (a fast digest suits random codes as it
 * suits API tokens: there is nothing to guess).
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;

    /** The codes to show, and the digests to store. */
    public record Issued(List<String> codes, List<String> digests) {
    }

    private RecoveryCodes() {
    }

    public static Issued issue(SecureRandom random) {
        List<String> codes = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            byte[] bytes = new byte[10];
            random.nextBytes(bytes);
            String plain = Base32.encode(bytes);
            String code = String.join("-", plain.substring(0, 4), plain.substring(4, 8), plain.substring(8, 12),
                    plain.substring(12, 16));
            codes.add(code);
            digests.add(digest(code));
        }
        return new Issued(List.copyOf(codes), List.copyOf(digests));
    }

    /** The digest of a code as typed: case, spaces and dashes do not matter. */
    public static String digest(String code) {
        String normal = code.toUpperCase(Locale.ROOT).replaceAll("[^A-Z2-7]", "");
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < normal.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                grouped.append('-');
            }
            grouped.append(normal.charAt(i));
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(grouped.toString().getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
