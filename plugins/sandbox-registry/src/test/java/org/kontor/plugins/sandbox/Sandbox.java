package org.kontor.plugins.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.plugins.sandbox.protocol.ResponseWriter;
import org.kontor.plugins.sandbox.registry.SandboxRegistry;
import org.kontor.plugins.sandbox.server.SandboxServer;
import org.kontor.plugins.sandbox.settings.RegistrarAccount;
import org.kontor.plugins.sandbox.settings.SandboxSettings;

/** A running sandbox for one test, with registrars of its own so tests sharing a database stay apart. */
final class Sandbox implements AutoCloseable {

    static final String PASSWORD = "Sandbox-Secret-1";
    static final Money CREATE_PRICE = Money.of("75.00", "DKK");

    final String registrar;
    final String otherRegistrar;
    final String suffix;
    final SandboxSettings settings;
    final SandboxRegistry registry;
    final SandboxServer server;

    private Sandbox(String tag, SandboxSettings settings, SandboxRegistry registry, SandboxServer server) {
        this.registrar = "reg" + tag;
        this.otherRegistrar = "oth" + tag;
        this.suffix = tag;
        this.settings = settings;
        this.registry = registry;
        this.server = server;
    }

    /** A unique tag per sandbox: registrar ids are 3 to 16 characters. */
    private static String tag() {
        return Long.toString(System.nanoTime() % 1_000_000_000_000L, 36);
    }

    static SandboxSettings settings(String tag, Money openingBalance) {
        return SandboxSettings.dk(List.of(
                        new RegistrarAccount("reg" + tag, PASSWORD, openingBalance),
                        new RegistrarAccount("oth" + tag, PASSWORD, Money.of("1000.00", "DKK"))),
                Map.of("dk", CREATE_PRICE, "test", Money.of("10.00", "DKK")), Duration.ofSeconds(5), 2);
    }

    static Sandbox start(Database database, Money openingBalance) {
        return start(database, openingBalance, s -> s);
    }

    static Sandbox start(Database database, Money openingBalance,
            java.util.function.UnaryOperator<SandboxSettings> adjust) {
        return start(database, openingBalance, adjust, Clock.systemUTC());
    }

    /** A sandbox with the full registry rules (the .dk profile for dk, references checked) on the given clock. */
    static Sandbox registry(Database database, Money openingBalance, Clock clock,
            java.util.function.UnaryOperator<org.kontor.plugins.sandbox.settings.RegistryRules> rules) {
        // object tests provoke many errors of one kind on purpose: the three-errors rule has its own tests
        return start(database, openingBalance, s -> new SandboxSettings(s.serverId(), s.registrars(), s.createPrices(),
                s.maxFrameBytes(), s.idleTimeout(), s.maxSessionsPerRegistrar(), 100, s.faults(),
                rules.apply(org.kontor.plugins.sandbox.settings.RegistryRules.DEFAULT)), clock);
    }

    static Sandbox start(Database database, Money openingBalance,
            java.util.function.UnaryOperator<SandboxSettings> adjust, Clock clock) {
        String tag = tag();
        SandboxSettings settings = adjust.apply(settings(tag, openingBalance));
        ResponseWriter writer = new ResponseWriter(settings.serverId(), SandboxServer.SERVICES);
        SandboxRegistry registry = new SandboxRegistry(database.jdbi(), clock, settings, writer);
        SandboxServer server = new SandboxServer(settings, registry, writer, clock, new SplittableRandom(7))
                .start();
        return new Sandbox(tag, settings, registry, server);
    }

    TestClient connect() {
        return new TestClient(server);
    }

    TestClient loggedIn() {
        return loggedIn(registrar);
    }

    TestClient loggedIn(String clientId) {
        TestClient client = connect();
        int code = client.login(clientId, PASSWORD).code();
        if (code != 1000) {
            client.close();
            throw new AssertionError("login answered " + code);
        }
        return client;
    }

    String domain(String label, String tld) {
        return label + "-" + suffix + "." + tld;
    }

    @Override
    public void close() {
        server.close();
    }
}
