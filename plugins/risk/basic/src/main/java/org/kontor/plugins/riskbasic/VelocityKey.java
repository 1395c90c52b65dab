package org.kontor.plugins.riskbasic;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

    /**
     * HMAC-SHA-256 of {@code <type>:<value>} under this installation's secret, in hex: without the secret, a digest of
     * an IPv4 address cannot be found by trying every address.
     */
    String digest(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((type.column() + ":" + shown).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
        }
    }
}
