package org.kontor.plugins.epp.registry;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.kontor.api.domain.Tld;
import org.kontor.api.settings.Settings;
import org.kontor.plugins.epp.codec.EppNamespaces;
import org.kontor.plugins.epp.codec.EppResponseDecoder;
import org.kontor.plugins.epp.session.EppTimeouts;
import org.kontor.plugins.epp.session.EppEndpoint;
import org.kontor.plugins.epp.session.EppTrust;

/**
 * The operator's settings of one EPP registry connection, read from the plugin's {@link Settings}.
 * Two snapshots are equal when nothing that matters changed, so the pool is rebuilt only then.
 * The password never appears in {@link #toString()}.
 *
 * @param certificatePem the pinned server certificate, or empty for the JVM trust store
 */
public record EppRegistrySettings(String registryId, String host, int port, String clientId, String password,
        String certificatePem, Set<Tld> tlds, int poolSize, double commandsPerSecond, int maxCheckNames,
        Currency accountCurrency, EppTimeouts timeouts, boolean feeAgreement, int transferLockDays)
        implements EppConnectionSettings {

    public static final String REGISTRY_ID = "registry.id";
    public static final String HOST = "host";
    public static final String PORT = "port";
    public static final String CLIENT_ID = "client.id";
    public static final String PASSWORD = "password";
    public static final String CERTIFICATE = "certificate.pem";
    public static final String TLDS = "tlds";
    public static final String POOL_SIZE = "pool.size";
    public static final String COMMANDS_PER_SECOND = "commands-per-second";
    public static final String MAX_CHECK_NAMES = "check.max-names";
    public static final String ACCOUNT_CURRENCY = "account.currency";
    public static final String TIMEOUT_LOGIN = "timeout.login-seconds";
    public static final String TIMEOUT_QUERY = "timeout.query-seconds";
    public static final String TIMEOUT_TRANSFORM = "timeout.transform-seconds";
    public static final String TIMEOUT_BILLABLE = "timeout.billable-seconds";
    public static final String FEE_AGREEMENT = "fee.agreement";
    public static final String TRANSFER_LOCK_DAYS = "transfer.lock-days";

    /** The extensions the generic profile can use, where the greeting offers them. */
    public static final List<String> EXTENSION_URIS = List.of(EppNamespaces.SEC_DNS, EppNamespaces.RGP,
            EppNamespaces.FEE, EppNamespaces.LAUNCH, EppNamespaces.ALLOCATION_TOKEN);

    public static final int DEFAULT_PORT = 700;
    public static final int DEFAULT_POOL_SIZE = 2;
    public static final double DEFAULT_COMMANDS_PER_SECOND = 5;

    public EppRegistrySettings {
        Objects.requireNonNull(registryId, "registryId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(password, "password");
        certificatePem = certificatePem == null ? "" : certificatePem.strip();
        tlds = Set.copyOf(tlds);
        Objects.requireNonNull(accountCurrency, "accountCurrency");
        timeouts = timeouts == null ? EppTimeouts.defaults() : timeouts;
        if (transferLockDays < 0 || transferLockDays > 3650) {
            throw new IllegalArgumentException(TRANSFER_LOCK_DAYS + ": " + transferLockDays
                    + " is not between 0 and 3650 days");
        }
    }

    /** Settings with the default transfer lock. */
    public EppRegistrySettings(String registryId, String host, int port, String clientId, String password,
            String certificatePem, Set<Tld> tlds, int poolSize, double commandsPerSecond, int maxCheckNames,
            Currency accountCurrency, EppTimeouts timeouts, boolean feeAgreement) {
        this(registryId, host, port, clientId, password, certificatePem, tlds, poolSize, commandsPerSecond,
                maxCheckNames, accountCurrency, timeouts, feeAgreement, EppRegistryProfile.DEFAULT_TRANSFER_LOCK_DAYS);
    }

    /** Settings with the default time limits and no fee agreement. */
    public EppRegistrySettings(String registryId, String host, int port, String clientId, String password,
            String certificatePem, Set<Tld> tlds, int poolSize, double commandsPerSecond, int maxCheckNames,
            Currency accountCurrency) {
        this(registryId, host, port, clientId, password, certificatePem, tlds, poolSize, commandsPerSecond,
                maxCheckNames, accountCurrency, EppTimeouts.defaults(), false);
    }

    /**
     * @throws IllegalStateException naming a required setting that has no value
     * @throws IllegalArgumentException when a value cannot be used
     */
    public static EppRegistrySettings from(Settings settings) {
        return new EppRegistrySettings(settings.require(REGISTRY_ID).strip(), settings.require(HOST).strip(),
                (int) settings.number(PORT, DEFAULT_PORT), settings.require(CLIENT_ID).strip(),
                settings.require(PASSWORD), settings.get(CERTIFICATE).orElse(""),
                tlds(settings.get(TLDS).orElse("")), (int) settings.number(POOL_SIZE, DEFAULT_POOL_SIZE),
                settings.get(COMMANDS_PER_SECOND).map(String::strip).map(Double::parseDouble)
                        .orElse(DEFAULT_COMMANDS_PER_SECOND),
                (int) settings.number(MAX_CHECK_NAMES, EppRegistryProfile.DEFAULT_MAX_CHECK_NAMES),
                Currency.getInstance(settings.require(ACCOUNT_CURRENCY).strip()), timeouts(settings),
                settings.get(FEE_AGREEMENT).map(String::strip).map(Boolean::parseBoolean).orElse(false),
                (int) settings.number(TRANSFER_LOCK_DAYS, EppRegistryProfile.DEFAULT_TRANSFER_LOCK_DAYS));
    }

    /** The per-class time limits in seconds; each defaults to {@link EppTimeouts#defaults()}. */
    public static EppTimeouts timeouts(Settings settings) {
        EppTimeouts timeouts = EppTimeouts.defaults();
        timeouts = limit(settings, TIMEOUT_LOGIN, EppTimeouts.CommandClass.LOGIN, timeouts);
        timeouts = limit(settings, TIMEOUT_QUERY, EppTimeouts.CommandClass.QUERY, timeouts);
        timeouts = limit(settings, TIMEOUT_TRANSFORM, EppTimeouts.CommandClass.TRANSFORM, timeouts);
        return limit(settings, TIMEOUT_BILLABLE, EppTimeouts.CommandClass.BILLABLE, timeouts);
    }

    private static EppTimeouts limit(Settings settings, String key, EppTimeouts.CommandClass type,
            EppTimeouts timeouts) {
        Optional<String> value = settings.get(key).map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return timeouts;
        }
        double seconds = Double.parseDouble(value.get());
        if (!(seconds > 0) || seconds > 600) {
            throw new IllegalArgumentException(key + ": " + value.get() + " is not between 0 and 600 seconds");
        }
        return timeouts.with(type, Duration.ofMillis(Math.round(seconds * 1000)));
    }

    /** {@code "dk, .de"} → {dk, de}. */
    static Set<Tld> tlds(String commaList) {
        return Arrays.stream(commaList.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Tld::of)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public EppEndpoint endpoint() {
        return EppEndpoint.builder(host, port, clientId, password)
                .trust(certificatePem.isEmpty() ? EppTrust.jvmDefault() : EppTrust.pinned(certificatePem))
                .maxSessions(poolSize)
                .rateLimit(commandsPerSecond, Math.max(1, (int) Math.ceil(commandsPerSecond)))
                .timeouts(timeouts)
                .extensionUris(EXTENSION_URIS)
                .build();
    }

    /** Balance answers carry no currency; it is the registrar account's. */
    public EppResponseDecoder decoder() {
        return new EppResponseDecoder(accountCurrency);
    }

    public EppRegistryProfile profile() {
        return new EppRegistryProfile(registryId, tlds, clientId, maxCheckNames, feeAgreement, transferLockDays);
    }

    @Override
    public String toString() {
        return "EppRegistrySettings[registryId=" + registryId + ", host=" + host + ", port=" + port + ", clientId="
                + clientId + ", pinned=" + !certificatePem.isEmpty() + ", tlds=" + tlds + ", poolSize=" + poolSize
                + ", commandsPerSecond=" + commandsPerSecond + ", maxCheckNames=" + maxCheckNames + ", accountCurrency="
                + accountCurrency + ", timeouts=" + timeouts + ", feeAgreement=" + feeAgreement + ", transferLockDays="
                + transferLockDays + "]";
    }
}
