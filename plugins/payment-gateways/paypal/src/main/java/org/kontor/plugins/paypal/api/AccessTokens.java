package org.kontor.plugins.paypal.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The OAuth2 access token of the client credentials, kept until shortly before it expires. It belongs to the base URL,
 * client id and secret it was issued for: when the operator changes any of them, the next call fetches a new one.
 */
public final class AccessTokens {

    /** A token is given up this long before PayPal's expiry, so that no call goes out with one about to lapse. */
    private static final Duration MARGIN = Duration.ofMinutes(5);

    private record Token(String credentials, String value, Instant expires) {
    }

    private final Clock clock;
    private final AtomicReference<Token> current = new AtomicReference<>();

    public AccessTokens(Clock clock) {
        this.clock = clock;
    }

    Optional<String> valid(String credentials) {
        Token token = current.get();
        if (token == null || !token.credentials().equals(credentials) || !clock.instant().isBefore(token.expires())) {
            return Optional.empty();
        }
        return Optional.of(token.value());
    }

    void keep(String credentials, String value, long expiresInSeconds) {
        Duration lifetime = Duration.ofSeconds(Math.max(expiresInSeconds, 0)).minus(MARGIN);
        current.set(new Token(credentials, value, clock.instant().plus(lifetime.isNegative() ? Duration.ZERO : lifetime)));
    }

    /** Drops the token after PayPal refused it. */
    void forget(String value) {
        current.updateAndGet(token -> token != null && token.value().equals(value) ? null : token);
    }

    /** A digest of what a token is issued for, so that neither the secret nor the pair is kept in plain text here. */
    static String credentials(String baseUrl, String clientId, String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((baseUrl + "\n" + clientId + "\n" + secret)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
