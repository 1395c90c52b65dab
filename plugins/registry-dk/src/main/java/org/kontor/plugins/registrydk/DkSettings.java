package org.kontor.plugins.registrydk;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.kontor.api.domain.Tld;
import org.kontor.api.settings.Settings;
import org.kontor.plugins.epp.codec.EppNamespaces;
import org.kontor.plugins.epp.codec.EppResponseDecoder;
import org.kontor.plugins.epp.registry.EppConnectionSettings;
import org.kontor.plugins.epp.registry.EppRegistryProfile;
import org.kontor.plugins.epp.registry.EppRegistrySettings;
import org.kontor.plugins.epp.session.EppEndpoint;
import org.kontor.plugins.epp.session.EppTimeouts;
import org.kontor.plugins.epp.session.EppTrust;

/**
 * The operator's settings of the .dk connection. The account is in DKK; TLDs default to {@code dk}. The
 * password never appears in {@link #toString()}.
 *
 * @param termsAcceptedAtOrder whether the time of a create or registrant change stands in for the holder's
 *                             acceptance of the .dk terms when the command carries none
 */
public record DkSettings(String registryId, String host, int port, String clientId, String password,
        String certificatePem, Set<Tld> tlds, int poolSize, double commandsPerSecond, int maxCheckNames,
        EppTimeouts timeouts, boolean termsAcceptedAtOrder) implements EppConnectionSettings {

    public static final String REGISTRY_ID = EppRegistrySettings.REGISTRY_ID;
    public static final String HOST = EppRegistrySettings.HOST;
    public static final String PORT = EppRegistrySettings.PORT;
    public static final String CLIENT_ID = EppRegistrySettings.CLIENT_ID;
    public static final String PASSWORD = EppRegistrySettings.PASSWORD;
    public static final String CERTIFICATE = EppRegistrySettings.CERTIFICATE;
    public static final String TLDS = EppRegistrySettings.TLDS;
    public static final String POOL_SIZE = EppRegistrySettings.POOL_SIZE;
    public static final String COMMANDS_PER_SECOND = EppRegistrySettings.COMMANDS_PER_SECOND;
    public static final String MAX_CHECK_NAMES = EppRegistrySettings.MAX_CHECK_NAMES;
    public static final String TERMS_AT_ORDER = "orderconfirmation.at-order";

    public static final String DEFAULT_REGISTRY_ID = "dk-hostmaster";
    public static final String DEFAULT_HOST = "epp.punktum.dk";
    public static final int DEFAULT_PORT = 700;
    public static final String DEFAULT_TLDS = "dk";
    public static final Currency DKK = Currency.getInstance("DKK");

    public DkSettings {
        Objects.requireNonNull(registryId, "registryId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(password, "password");
        certificatePem = certificatePem == null ? "" : certificatePem.strip();
        tlds = Set.copyOf(tlds);
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /**
     * @throws IllegalStateException naming a required setting that has no value
     * @throws IllegalArgumentException when a value cannot be used
     */
    public static DkSettings from(Settings settings) {
        String password = settings.require(PASSWORD);
        if (password.length() < 8 || password.length() > 64) {
            throw new IllegalArgumentException(PASSWORD + ": the .dk registry takes passwords of 8 to 64 characters");
        }
        Set<Tld> tlds = Set.copyOf(tlds(settings.get(TLDS).orElse(DEFAULT_TLDS)));
        return new DkSettings(settings.get(REGISTRY_ID).map(String::strip).filter(s -> !s.isEmpty())
                .orElse(DEFAULT_REGISTRY_ID),
                settings.get(HOST).map(String::strip).filter(s -> !s.isEmpty()).orElse(DEFAULT_HOST),
                (int) settings.number(PORT, DEFAULT_PORT), settings.require(CLIENT_ID).strip(), password,
                settings.get(CERTIFICATE).orElse(""), tlds.isEmpty() ? Set.of(Tld.of("dk")) : tlds,
                (int) settings.number(POOL_SIZE, EppRegistrySettings.DEFAULT_POOL_SIZE),
                settings.get(COMMANDS_PER_SECOND).map(String::strip).filter(s -> !s.isEmpty())
                        .map(Double::parseDouble).orElse(EppRegistrySettings.DEFAULT_COMMANDS_PER_SECOND),
                (int) settings.number(MAX_CHECK_NAMES, EppRegistryProfile.DEFAULT_MAX_CHECK_NAMES),
                EppRegistrySettings.timeouts(settings),
                settings.get(TERMS_AT_ORDER).map(String::strip).map(Boolean::parseBoolean).orElse(false));
    }

    private static List<Tld> tlds(String commaList) {
        List<Tld> tlds = new ArrayList<>();
        for (String part : commaList.split(",")) {
            if (!part.isBlank()) {
                tlds.add(Tld.of(part.strip()));
            }
        }
        return tlds;
    }

    /** The endpoint: login with the dkhm versions this plugin speaks besides secDNS and RGP. */
    public EppEndpoint endpoint() {
        List<String> extensions = new ArrayList<>(List.of(EppNamespaces.SEC_DNS, EppNamespaces.RGP));
        extensions.addAll(DkhmNamespaces.SUPPORTED);
        return EppEndpoint.builder(host, port, clientId, password)
                .trust(certificatePem.isEmpty() ? EppTrust.jvmDefault() : EppTrust.pinned(certificatePem))
                .maxSessions(poolSize)
                .rateLimit(commandsPerSecond, Math.max(1, (int) Math.ceil(commandsPerSecond)))
                .timeouts(timeouts)
                .extensionUris(extensions)
                .build();
    }

    public EppResponseDecoder decoder() {
        return new EppResponseDecoder(DKK);
    }

    /** Renewals are never refused for balance at .dk, no fee agreement and no transfer lock exist there. */
    public EppRegistryProfile profile() {
        return new EppRegistryProfile(registryId, tlds, clientId, maxCheckNames, false, 0);
    }

    @Override
    public String toString() {
        return "DkSettings[registryId=" + registryId + ", host=" + host + ", port=" + port + ", clientId=" + clientId
                + ", pinned=" + !certificatePem.isEmpty() + ", tlds=" + tlds + ", poolSize=" + poolSize
                + ", commandsPerSecond=" + commandsPerSecond + ", timeouts=" + timeouts + ", termsAcceptedAtOrder="
                + termsAcceptedAtOrder + "]";
    }
}
