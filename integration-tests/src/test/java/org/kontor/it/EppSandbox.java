package org.kontor.it;

import java.math.BigDecimal;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.plugins.epp.registry.EppRegistryExtension;
import org.kontor.plugins.epp.registry.EppRegistrySettings;
import org.kontor.plugins.sandbox.protocol.ResponseWriter;
import org.kontor.plugins.sandbox.registry.SandboxRegistry;
import org.kontor.plugins.sandbox.server.SandboxServer;
import org.kontor.plugins.registrydk.DkRegistryExtension;
import org.kontor.plugins.sandbox.settings.RegistrarAccount;
import org.kontor.plugins.sandbox.settings.RegistryRules;
import org.kontor.plugins.sandbox.settings.SandboxSettings;
import org.kontor.testkit.RecordingEvents;
import org.kontor.testkit.RecordingMailer;
import org.kontor.testkit.TestPluginContext;

/**
 * A sandbox registry server for one test, with a registrar of its own (so tests sharing a database stay
 * apart), and the epp-registry plugin's extension configured against it with the pinned certificate.
 */
final class EppSandbox implements AutoCloseable {

    static final Money CREATE_PRICE = Money.of("75.00", "DKK");
    /** A TLD served with the generic profile next to {@code dk}. */
    static final String GENERIC_TLD = "nu";
    private static final String PASSWORD = "Sandbox-Secret-1";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    final String registrar;
    final String tag;
    final SandboxRegistry registry;
    final SandboxServer server;
    final Map<String, String> settings;

    private EppSandbox(String tag, SandboxRegistry registry, SandboxServer server, Map<String, String> settings) {
        this.tag = tag;
        this.registrar = "epp" + tag;
        this.registry = registry;
        this.server = server;
        this.settings = settings;
    }

    static EppSandbox start(Database database, Money openingBalance) {
        return start(database, openingBalance, UnaryOperator.identity());
    }

    /** @param tune adjusts the sandbox's settings, e.g. to inject faults or shorten its idle timeout */
    static EppSandbox start(Database database, Money openingBalance, UnaryOperator<SandboxSettings> tune) {
        return start(database, openingBalance, tune, Clock.systemUTC());
    }

    /**
     * @param tune adjusts the sandbox's settings, e.g. to inject faults or apply {@link #strict}
     * @param registryClock the registry's clock (decisions, transfer locks, grace periods); sessions keep the system's
     */
    static EppSandbox start(Database database, Money openingBalance, UnaryOperator<SandboxSettings> tune,
            Clock registryClock) {
        String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
        SandboxSettings sandbox = tune.apply(SandboxSettings.dk(List.of(
                        new RegistrarAccount("epp" + tag, PASSWORD, openingBalance),
                        new RegistrarAccount("oth" + tag, PASSWORD, Money.of("1000.00", "DKK"))),
                Map.of("dk", CREATE_PRICE, GENERIC_TLD, CREATE_PRICE), Duration.ofSeconds(30), 2));
        ResponseWriter writer = new ResponseWriter(sandbox.serverId(), SandboxServer.SERVICES);
        SandboxRegistry registry = new SandboxRegistry(database.jdbi(), registryClock, sandbox, writer);
        SandboxServer server = new SandboxServer(sandbox, registry, writer, Clock.systemUTC(), new SplittableRandom(7))
                .start();
        Map<String, String> settings = new HashMap<>();
        settings.put(EppRegistrySettings.REGISTRY_ID, "sandbox");
        settings.put(EppRegistrySettings.HOST, "127.0.0.1");
        settings.put(EppRegistrySettings.PORT, Integer.toString(server.port()));
        settings.put(EppRegistrySettings.CLIENT_ID, "epp" + tag);
        settings.put(EppRegistrySettings.PASSWORD, PASSWORD);
        settings.put(EppRegistrySettings.CERTIFICATE, pem(server));
        settings.put(EppRegistrySettings.TLDS, "dk");
        settings.put(EppRegistrySettings.POOL_SIZE, "2");
        settings.put(EppRegistrySettings.COMMANDS_PER_SECOND, "50");
        settings.put(EppRegistrySettings.MAX_CHECK_NAMES, "5");
        settings.put(EppRegistrySettings.ACCOUNT_CURRENCY, "DKK");
        return new EppSandbox(tag, registry, server, Map.copyOf(settings));
    }

    /**
     * The full registry rules: the .dk profile for {@code dk}, contact and host references checked, and the given
     * credit beyond the balance with its low-balance threshold.
     */
    static UnaryOperator<SandboxSettings> strict(BigDecimal creditLimit, BigDecimal threshold) {
        return s -> s.withRules(RegistryRules.DEFAULT.withCredit(creditLimit, threshold));
    }

    /** The other registrar's client id, for transfers. */
    String otherRegistrar() {
        return "oth" + tag;
    }

    /** The settings of a registrar of this sandbox (ours or {@link #otherRegistrar()}) serving the TLD. */
    Map<String, String> settings(String clientId, String tld) {
        Map<String, String> copy = new HashMap<>(settings);
        copy.put(EppRegistrySettings.CLIENT_ID, clientId);
        copy.put(EppRegistrySettings.TLDS, tld);
        return copy;
    }

    /** The registry-dk plugin's extension configured against this sandbox as the given registrar. */
    DkRegistryExtension dkExtension(Database database, Clock clock, String clientId) {
        Map<String, String> dk = settings(clientId, "dk");
        dk.put(EppRegistrySettings.REGISTRY_ID, "dk-sandbox");
        return new DkRegistryExtension(new TestPluginContext("registry-dk", database.jdbi(), clock,
                new RecordingEvents(), new RecordingMailer(), dk));
    }

    /** The epp-registry plugin's extension as the given registrar, serving the TLD. */
    EppRegistryExtension extension(Database database, Clock clock, String clientId, String tld) {
        return new EppRegistryExtension(context(database, clock, settings(clientId, tld)));
    }

    /** The plugin's registry extension as the host would build it, from the plugin's settings. */
    EppRegistryExtension extension(Database database, Clock clock) {
        return new EppRegistryExtension(context(database, clock, settings));
    }

    static TestPluginContext context(Database database, Clock clock, Map<String, String> settings) {
        return new TestPluginContext("epp-registry", database.jdbi(), clock, new RecordingEvents(),
                new RecordingMailer(), settings);
    }

    String domain(String label) {
        return label + "-" + tag + ".dk";
    }

    String domain(String label, String tld) {
        return label + "-" + tag + "." + tld;
    }

    @Override
    public void close() {
        server.close();
    }

    private static String pem(SandboxServer server) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(server.certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
