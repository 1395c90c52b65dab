package org.kontor.plugins.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kontor.plugins.sandbox.Frames.DOMAIN;
import static org.kontor.plugins.sandbox.Frames.command;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.plugins.sandbox.registry.Domain;
import org.kontor.plugins.sandbox.registry.SandboxRegistry;
import org.kontor.plugins.sandbox.settings.RegistryRules;
import org.kontor.plugins.sandbox.settings.SandboxSettings;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * {@code domain:info} with another registrar's auth code (RFC 5731 §3.1.2) and the demo domains of another registrar
 * the sandbox puts in place when it serves .example.
 */
@DatabaseTest(plugins = "sandbox-registry")
class SandboxAuthInfoTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    /** The test sandbox (.dk with its profile, .test) serving .example too. */
    private Sandbox sandbox(Database database) {
        return Sandbox.start(database, Money.of("1000.00", "DKK"), s -> {
            Map<String, Money> prices = new HashMap<>(s.createPrices());
            prices.put("example", Money.of("10.00", "DKK"));
            return new SandboxSettings(s.serverId(), s.registrars(), prices, s.maxFrameBytes(), s.idleTimeout(),
                    s.maxSessionsPerRegistrar(), 100, s.faults(), RegistryRules.DEFAULT);
        }, clock);
    }

    private static String info(String name, String pw) {
        return "<info><domain:info " + DOMAIN + "><domain:name>" + name + "</domain:name>"
                + (pw == null ? "" : "<domain:authInfo><domain:pw>" + pw + "</domain:pw></domain:authInfo>")
                + "</domain:info></info>";
    }

    @DbTest
    void theDemoDomainsBelongToAnotherRegistrarOneTransferableWithItsCodeTheOtherLocked(Database database) {
        try (Sandbox sandbox = sandbox(database); TestClient client = sandbox.loggedIn()) {
            Domain transferable = sandbox.registry.find(SandboxRegistry.TRANSFER_DEMO).orElseThrow();
            Domain locked = sandbox.registry.find(SandboxRegistry.LOCKED_DEMO).orElseThrow();
            assertThat(transferable.registrar()).isEqualTo(SandboxRegistry.DEMO_REGISTRAR);
            assertThat(transferable.authInfo()).isEqualTo(SandboxRegistry.TRANSFER_DEMO_AUTH_CODE);
            assertThat(transferable.createdAt()).as("older than the 60 days' transfer lock")
                    .isBefore(clock.instant().minus(Duration.ofDays(60)));
            assertThat(transferable.expiresAt()).isAfter(clock.instant());
            assertThat(locked.registrar()).isEqualTo(SandboxRegistry.DEMO_REGISTRAR);

            Answer lockedInfo = client.xml(command(info(SandboxRegistry.LOCKED_DEMO, null)));
            assertThat(lockedInfo.code()).isEqualTo(1000);
            assertThat(lockedInfo.attributes("status", "s")).containsExactly("serverTransferProhibited");
            assertThat(client.xml(command(Frames.transfer("request", SandboxRegistry.LOCKED_DEMO, locked.authInfo())))
                    .code()).as("the registry's lock refuses even the right code").isEqualTo(2304);

            sandbox.registry.seedDemoDomains();
            assertThat(sandbox.registry.find(SandboxRegistry.TRANSFER_DEMO).orElseThrow().roid())
                    .as("seeding twice changes nothing").isEqualTo(transferable.roid());
        }
    }

    @DbTest
    void anotherRegistrarSeesTheFullInfoWithTheRightCodeAndGets2202WithAWrongOne(Database database) {
        try (Sandbox sandbox = sandbox(database); TestClient client = sandbox.loggedIn()) {
            Answer right = client.xml(command(info(SandboxRegistry.TRANSFER_DEMO, SandboxRegistry.TRANSFER_DEMO_AUTH_CODE)));
            Answer wrong = client.xml(command(info(SandboxRegistry.TRANSFER_DEMO, "Kontor-Demo-Transfer-8")));
            Answer without = client.xml(command(info(SandboxRegistry.TRANSFER_DEMO, null)));

            assertThat(right.code()).isEqualTo(1000);
            assertThat(right.text("clID")).isEqualTo(SandboxRegistry.DEMO_REGISTRAR);
            assertThat(right.text("pw")).isEqualTo(SandboxRegistry.TRANSFER_DEMO_AUTH_CODE);
            assertThat(right.attributes("status", "s")).containsExactly("ok");
            assertThat(wrong.code()).isEqualTo(2202);
            assertThat(wrong.xml()).doesNotContain("Kontor-Demo-Transfer-8");
            assertThat(without.code()).isEqualTo(1000);
            assertThat(without.first("authInfo")).as("no code without authorisation").isNull();
        }
    }
}
