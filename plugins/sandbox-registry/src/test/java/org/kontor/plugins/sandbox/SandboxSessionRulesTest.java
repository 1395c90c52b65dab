package org.kontor.plugins.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.plugins.epp.command.DomainCheck;
import org.kontor.plugins.epp.command.DomainCreate;
import org.kontor.plugins.epp.command.DomainInfo;
import org.kontor.plugins.epp.command.Logout;
import org.kontor.plugins.epp.command.NameServers;
import org.kontor.plugins.epp.command.Period;
import org.kontor.plugins.epp.command.PollRequest;
import org.kontor.plugins.epp.response.EppResponse;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/** The .dk session rules. */
@DatabaseTest(plugins = "sandbox-registry")
class SandboxSessionRulesTest {

    private static final Money BALANCE = Money.of("1000.00", "DKK");

    @DbTest
    void commandsBeforeLoginAreAnswered2002AndTheSessionGoesOn(Database database) {
        try (Sandbox sandbox = Sandbox.start(database, BALANCE);
             TestClient client = sandbox.connect()) {
            assertThat(client.send(DomainCheck.of(sandbox.domain("early", "dk"))).code()).isEqualTo(2002);
            assertThat(client.send(new PollRequest()).code()).isEqualTo(2002);
            assertThat(client.login(sandbox.registrar, Sandbox.PASSWORD).code()).isEqualTo(1000);
            assertThat(client.send(DomainCheck.of(sandbox.domain("early", "dk"))).code()).isEqualTo(1000);
        }
    }

    @DbTest
    void aWrongPasswordIsAnAuthenticationError(Database database) {
        try (Sandbox sandbox = Sandbox.start(database, BALANCE);
             TestClient client = sandbox.connect()) {
            assertThat(client.login(sandbox.registrar, "Wrong-Secret-1").code()).isEqualTo(2200);
            assertThat(client.login("nobody", Sandbox.PASSWORD).code()).isEqualTo(2200);
            assertThat(client.send(new PollRequest()).code()).as("still not logged in").isEqualTo(2002);
        }
    }

    @DbTest
    void theThirdErrorOfOneKindEndsTheSessionWith2500(Database database) {
        try (Sandbox sandbox = Sandbox.start(database, BALANCE);
             TestClient client = sandbox.loggedIn()) {
            DomainCreate elsewhere = new DomainCreate("name.example", Period.years(1), NameServers.none(), null,
                    List.of(), "auth-Secret-1");
            assertThat(client.send(DomainInfo.of(sandbox.domain("missing", "dk"))).code()).isEqualTo(2303);
            assertThat(client.send(DomainInfo.of(sandbox.domain("missing", "dk"))).code()).isEqualTo(2303);
            assertThat(client.send(elsewhere).code()).isEqualTo(2306);
            assertThat(client.send(elsewhere).code()).isEqualTo(2306);

            EppResponse third = client.send(DomainInfo.of(sandbox.domain("missing", "dk")));
            assertThat(third.code()).isEqualTo(2500);
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @DbTest
    void aFrameOver256KibEndsTheSessionAtOnce(Database database) throws Exception {
        try (Sandbox sandbox = Sandbox.start(database, BALANCE);
             TestClient client = sandbox.loggedIn()) {
            client.announce(256 * 1024 + 1);
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @DbTest
    void aFrameAtTheLimitIsServed(Database database) {
        try (Sandbox sandbox = Sandbox.start(database, BALANCE);
             TestClient client = sandbox.loggedIn()) {
            String hello = "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><hello/></epp>";
            byte[] padded = (hello + " ".repeat(256 * 1024 - 4 - hello.length())).getBytes(StandardCharsets.UTF_8);
            assertThat(new String(client.sendRaw(padded), StandardCharsets.UTF_8)).contains("<greeting>");
        }
    }

    @DbTest
    void anIdleSessionIsClosedWhileOneKeptAliveStaysOpen(Database database) throws Exception {
        try (Sandbox sandbox = Sandbox.start(database, BALANCE, s -> s.withIdleTimeout(Duration.ofMillis(300)));
             TestClient client = sandbox.loggedIn()) {
            for (int i = 0; i < 4; i++) {
                Thread.sleep(150);
                assertThat(client.hello()).as("a hello keeps the session alive").isNotNull();
            }
            long silentSince = System.nanoTime();
            assertThat(client.closedByServer()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - silentSince)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        }
    }

    @DbTest
    void loginsBeyondTheSessionCapAreAnswered2502AndClosed(Database database) throws Exception {
        try (Sandbox sandbox = Sandbox.start(database, BALANCE);
             TestClient first = sandbox.loggedIn();
             TestClient second = sandbox.loggedIn();
             TestClient third = sandbox.connect();
             TestClient otherRegistrar = sandbox.connect()) {
            assertThat(third.login(sandbox.registrar, Sandbox.PASSWORD).code()).isEqualTo(2502);
            assertThat(third.closedByServer()).isTrue();
            assertThat(otherRegistrar.login(sandbox.otherRegistrar, Sandbox.PASSWORD).code())
                    .as("the cap is per registrar").isEqualTo(1000);

            assertThat(first.send(new Logout()).code()).isEqualTo(1500);
            assertThat(first.closedByServer()).isTrue();
            assertThat(loginWithin(sandbox, Duration.ofSeconds(3))).as("a session freed by logout").isEqualTo(1000);
        }
    }

    /** The server counts a session out once its thread ends, just after the logout answer. */
    private static int loginWithin(Sandbox sandbox, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        int code;
        do {
            try (TestClient client = sandbox.connect()) {
                code = client.login(sandbox.registrar, Sandbox.PASSWORD).code();
            }
            if (code != 1000) {
                Thread.sleep(50);
            }
        } while (code != 1000 && System.nanoTime() < deadline);
        return code;
    }

    @DbTest
    void aDoctypeIsRefusedAsASyntaxError(Database database) {
        try (Sandbox sandbox = Sandbox.start(database, BALANCE);
             TestClient client = sandbox.connect()) {
            String xml = "<?xml version=\"1.0\"?><!DOCTYPE epp [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><hello/></epp>";
            String answer = new String(client.sendRaw(xml.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            assertThat(answer).contains("code=\"2001\"").doesNotContain("root:");
            assertThat(client.hello()).isNotNull();
        }
    }
}
