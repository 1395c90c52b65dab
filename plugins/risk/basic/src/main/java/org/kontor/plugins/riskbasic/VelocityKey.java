package org.kontor.plugins.riskbasic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One key the velocity check counts by, with the value shown in a reason; stored only as its digest.
 *
 * @param shown how a reason names it: the address, the e-mail, the account id, the card's fingerprint
 */
record VelocityKey(Type type, String shown) {

    /** What is counted. */
    enum Type {
        IP("velocity.ip", "from"), EMAIL("velocity.email", "by"), ACCOUNT("velocity.account", "of account"),
        CARD("velocity.card", "with card");

        final String code;
        final String preposition;

        Type(String code, String preposition) {
            this.code = code;
            this.preposition = preposition;
        }

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** SHA-256 of {@code <type>:<value>}, in hex. */
    String digest() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((type.column() + ":" + shown).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
