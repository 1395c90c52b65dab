package org.kontor.plugins.epp.session;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.kontor.plugins.epp.codec.EppNamespaces;
import org.kontor.plugins.epp.frame.EppFrames;

/**
 * Everything needed to talk to one registry's EPP server: address, credentials, TLS trust, time limits and
 * the pool's limits. Build one with {@link #builder}. The password never appears in {@link #toString()}.
 *
 * @param clTridPrefix the registrar prefix of generated client transaction ids (1–32 characters)
 * @param keepAliveInterval idle time after which a pooled session sends {@code hello}; keep it well below the
 *     server's idle limit (.dk: 700 s, which the .dk specification also calls "5 min", so 240 s is safe for both)
 * @param maxSessions the registry's cap on concurrent sessions for this registrar (.ee: 4)
 * @param borrowTimeout how long a caller waits for a free session before giving up
 * @param commandsPerSecond the token bucket's rate for all commands on this endpoint
 * @param commandBurst how many commands may go out at once after a quiet period
 * @param sessionLimitBackOff how long no new session is opened after the server answered 2502
 * @param maxSessionAge a pooled session older than this is logged out instead of lent (.dk ends sessions after 8 h)
 * @param objectUris the object URIs the client supports; the login uses those the greeting also offers
 * @param extensionUris the extension URIs the client supports, likewise intersected with the greeting
 */
public record EppEndpoint(String host, int port, String clientId, String password, String clTridPrefix,
        EppTrust trust, EppClientIdentity clientIdentity, EppTimeouts timeouts, Duration keepAliveInterval,
        int maxSessions, Duration borrowTimeout, int maxFrameBytes, double commandsPerSecond, int commandBurst,
        Duration sessionLimitBackOff, Duration maxSessionAge, List<String> objectUris, List<String> extensionUris, String language) {

    /** The object mappings this client encodes. */
    public static final List<String> DEFAULT_OBJECT_URIS =
            List.of(EppNamespaces.DOMAIN, EppNamespaces.CONTACT, EppNamespaces.HOST, EppNamespaces.BALANCE);
    /** The extensions this client encodes or decodes. */
    public static final List<String> DEFAULT_EXTENSION_URIS = List.of(EppNamespaces.SEC_DNS, EppNamespaces.RGP);

    public EppEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(clTridPrefix, "clTridPrefix");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(clientIdentity, "clientIdentity");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(language, "language");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (clTridPrefix.isEmpty() || clTridPrefix.length() > 32 || clTridPrefix.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the clTRID prefix has 1 to 32 characters without spaces: " + clTridPrefix);
        }
        positive(keepAliveInterval, "keepAliveInterval");
        positive(borrowTimeout, "borrowTimeout");
        positive(sessionLimitBackOff, "sessionLimitBackOff");
        positive(maxSessionAge, "maxSessionAge");
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1: " + maxSessions);
        }
        if (maxFrameBytes <= EppFrames.HEADER_BYTES) {
            throw new IllegalArgumentException("maxFrameBytes too small: " + maxFrameBytes);
        }
        if (!(commandsPerSecond > 0) || commandBurst < 1) {
            throw new IllegalArgumentException("the command rate and burst must be positive");
        }
        objectUris = List.copyOf(objectUris);
        extensionUris = List.copyOf(extensionUris);
    }

    /** Settings with the defaults below, to be adjusted through the builder. */
    public static Builder builder(String host, int port, String clientId, String password) {
        return new Builder(host, port, clientId, password);
    }

    /** A builder preset with this endpoint's settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "EppEndpoint[host=" + host + ", port=" + port + ", clientId=" + clientId + ", trust="
                + trust.getClass().getSimpleName() + ", maxSessions=" + maxSessions + "]";
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    /** Builds an {@link EppEndpoint}; every setting has a default but the address and credentials. */
    public static final class Builder {
        private final String host;
        private final int port;
        private final String clientId;
        private final String password;
        private String clTridPrefix;
        private EppTrust trust = EppTrust.jvmDefault();
        private EppClientIdentity clientIdentity = EppClientIdentity.none();
        private EppTimeouts timeouts = EppTimeouts.defaults();
        private Duration keepAliveInterval = Duration.ofSeconds(240);
        private int maxSessions = 2;
        private Duration borrowTimeout = Duration.ofSeconds(30);
        private int maxFrameBytes = EppFrames.DEFAULT_MAX_FRAME_BYTES;
        private double commandsPerSecond = 5;
        private int commandBurst = 5;
        private Duration sessionLimitBackOff = Duration.ofSeconds(60);
        private Duration maxSessionAge = Duration.ofHours(7).plusMinutes(30);
        private List<String> objectUris = DEFAULT_OBJECT_URIS;
        private List<String> extensionUris = DEFAULT_EXTENSION_URIS;
        private String language = "en";

        private Builder(String host, int port, String clientId, String password) {
            this.host = host;
            this.port = port;
            this.clientId = clientId;
            this.password = password;
            this.clTridPrefix = clientId.length() > 32 ? clientId.substring(0, 32) : clientId;
        }

        private Builder(EppEndpoint e) {
            this(e.host, e.port, e.clientId, e.password);
            clTridPrefix = e.clTridPrefix;
            trust = e.trust;
            clientIdentity = e.clientIdentity;
            timeouts = e.timeouts;
            keepAliveInterval = e.keepAliveInterval;
            maxSessions = e.maxSessions;
            borrowTimeout = e.borrowTimeout;
            maxFrameBytes = e.maxFrameBytes;
            commandsPerSecond = e.commandsPerSecond;
            commandBurst = e.commandBurst;
            sessionLimitBackOff = e.sessionLimitBackOff;
            maxSessionAge = e.maxSessionAge;
            objectUris = e.objectUris;
            extensionUris = e.extensionUris;
            language = e.language;
        }

        public Builder clTridPrefix(String value) { clTridPrefix = value; return this; }
        public Builder trust(EppTrust value) { trust = value; return this; }
        public Builder clientIdentity(EppClientIdentity value) { clientIdentity = value; return this; }
        public Builder timeouts(EppTimeouts value) { timeouts = value; return this; }
        public Builder keepAliveInterval(Duration value) { keepAliveInterval = value; return this; }
        public Builder maxSessions(int value) { maxSessions = value; return this; }
        public Builder borrowTimeout(Duration value) { borrowTimeout = value; return this; }
        public Builder maxFrameBytes(int value) { maxFrameBytes = value; return this; }
        public Builder rateLimit(double perSecond, int burst) { commandsPerSecond = perSecond; commandBurst = burst; return this; }
        public Builder sessionLimitBackOff(Duration value) { sessionLimitBackOff = value; return this; }
        public Builder maxSessionAge(Duration value) { maxSessionAge = value; return this; }
        public Builder objectUris(List<String> value) { objectUris = value; return this; }
        public Builder extensionUris(List<String> value) { extensionUris = value; return this; }
        public Builder language(String value) { language = value; return this; }

        public EppEndpoint build() {
            return new EppEndpoint(host, port, clientId, password, clTridPrefix, trust, clientIdentity, timeouts,
                    keepAliveInterval, maxSessions, borrowTimeout, maxFrameBytes, commandsPerSecond, commandBurst,
                    sessionLimitBackOff, maxSessionAge, objectUris, extensionUris, language);
        }
    }
}
