package org.kontor.plugins.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.plugins.epp.codec.EppCodecException;
import org.kontor.plugins.epp.codec.EppResponseDecoder;
import org.kontor.plugins.epp.command.DomainCheck;
import org.kontor.plugins.epp.command.DomainCreate;
import org.kontor.plugins.epp.command.DomainInfo;
import org.kontor.plugins.epp.command.NameServers;
import org.kontor.plugins.epp.command.Period;
import org.kontor.plugins.epp.command.PollRequest;
import org.kontor.plugins.sandbox.settings.CommandFault;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/** Latency and faults injected per command through the settings. */
@DatabaseTest(plugins = "sandbox-registry")
class SandboxFaultsTest {

    private static final Money BALANCE = Money.of("1000.00", "DKK");

    private static DomainCreate create(String name) {
        return new DomainCreate(name, Period.years(1), NameServers.none(), null, List.of(), "auth-Secret-1");
    }

    @DbTest
    void anInjectedFailureAnswers2400AndLeavesOtherCommandsAlone(Database database) {
        try (Sandbox sandbox = Sandbox.start(database, BALANCE,
                s -> s.withFaults(Map.of("domain:create", CommandFault.alwaysFail())));
             TestClient client = sandbox.loggedIn()) {
            String name = sandbox.domain("failing", "dk");
            assertThat(client.send(create(name)).code()).isEqualTo(2400);
            assertThat(sandbox.registry.find(name)).isEmpty();
            assertThat(sandbox.registry.balance(sandbox.registrar)).isEqualTo(BALANCE);
            assertThat(client.send(DomainCheck.of(name)).code()).isEqualTo(1000);
        }
    }

    @DbTest
    void anInjectedDropClosesTheConnectionWithoutAnAnswerOrAChange(Database database) throws Exception {
        try (Sandbox sandbox = Sandbox.start(database, BALANCE,
                s -> s.withFaults(Map.of("domain:create", CommandFault.alwaysDrop())));
             TestClient client = sandbox.loggedIn()) {
            String name = sandbox.domain("dropped", "dk");
            client.sendOnly(create(name));
            assertThat(client.closedByServer()).isTrue();
            assertThat(sandbox.registry.find(name)).isEmpty();
        }
    }

    @DbTest
    void anInjectedMalformedFrameIsNotXml(Database database) throws Exception {
        try (Sandbox sandbox = Sandbox.start(database, BALANCE,
                s -> s.withFaults(Map.of("domain:info", CommandFault.alwaysMalformed())));
             TestClient client = sandbox.loggedIn()) {
            client.sendOnly(DomainInfo.of(sandbox.domain("any", "dk")));
            byte[] frame = client.receiveUnchecked();
            assertThatThrownBy(() -> new EppResponseDecoder(java.util.Currency.getInstance("DKK")).decode(frame))
                    .isInstanceOf(EppCodecException.class);
            assertThat(client.send(new PollRequest()).code()).as("the session goes on").isEqualTo(1300);
        }
    }

    @DbTest
    void anInjectedHangLeavesTheCommandUnansweredUntilTheIdleTimeout(Database database) throws Exception {
        try (Sandbox sandbox = Sandbox.start(database, BALANCE,
                s -> s.withIdleTimeout(Duration.ofMillis(400))
                        .withFaults(Map.of("poll", CommandFault.alwaysHang())));
             TestClient client = sandbox.loggedIn()) {
            long started = System.nanoTime();
            client.sendOnly(new PollRequest());
            assertThat(client.closedByServer()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(350));
        }
    }

    @DbTest
    void aFixedDelayIsAppliedToTheCommand(Database database) {
        try (Sandbox sandbox = Sandbox.start(database, BALANCE,
                s -> s.withFaults(Map.of("domain:check", CommandFault.delay(Duration.ofMillis(300)))));
             TestClient client = sandbox.loggedIn()) {
            long started = System.nanoTime();
            assertThat(client.send(DomainCheck.of(sandbox.domain("slow", "dk"))).code()).isEqualTo(1000);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }
}
