package org.kontor.plugins.epp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kontor.plugins.epp.session.Fixtures.await;
import static org.kontor.plugins.epp.session.Fixtures.endpoint;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.plugins.epp.codec.EppNamespaces;
import org.kontor.plugins.epp.command.ClientTransactionId;
import org.kontor.plugins.epp.command.DomainDelete;
import org.kontor.plugins.epp.command.DomainInfo;
import org.kontor.plugins.epp.response.EppResponse;
import org.kontor.plugins.epp.session.ScriptedEppServer.Connection;
import org.kontor.plugins.epp.session.ScriptedEppServer.Frame;

class EppSessionTest {

    private static final String DKHM_45 = "urn:dkhm:params:xml:ns:dkhm-4.5";

    private final Fixtures fixtures = new Fixtures();
    private ScriptedEppServer server;
    private EppSession session;

    @AfterEach
    void tearDown() throws Exception {
        if (session != null) {
            session.close();
        }
        if (server != null) {
            assertThat(server.failures()).isEmpty();
            server.close();
        }
    }

    @Test
    void logsInWithTheUrisBothSidesSupport() throws Exception {
        server = ScriptedEppServer.start(c -> {
            c.greetAndLogin();
            c.serve();
        });
        EppEndpoint endpoint = endpoint(server)
                .objectUris(List.of(EppNamespaces.DOMAIN, EppNamespaces.CONTACT, "urn:example:params:xml:ns:other-1.0"))
                .extensionUris(List.of(EppNamespaces.SEC_DNS, DKHM_45, EppNamespaces.RGP))
                .build();
        session = fixtures.session(endpoint);

        session.open();

        Frame login = server.connection(0).received().get(0);
        assertThat(login.command()).isEqualTo("login");
        assertThat(login.all("clID")).containsExactly("REG-1234");
        assertThat(login.all("objURI")).containsExactly(EppNamespaces.DOMAIN, EppNamespaces.CONTACT);
        assertThat(login.all("extURI")).containsExactly(EppNamespaces.SEC_DNS, DKHM_45);
        assertThat(session.loginObjectUris()).containsExactly(EppNamespaces.DOMAIN, EppNamespaces.CONTACT);
        assertThat(session.loginExtensionUris()).containsExactly(EppNamespaces.SEC_DNS, DKHM_45);
        assertThat(session.greeting().serverId()).startsWith("DK Hostmaster");
        assertThat(session.isUsable()).isTrue();
        assertThat(endpoint.toString()).doesNotContain(Fixtures.PASSWORD);
    }

    @Test
    void refusesAGreetingWithoutASupportedObject() throws Exception {
        server = ScriptedEppServer.start(c -> {
            c.greet();
            c.drain();
        });
        session = fixtures.session(endpoint(server).objectUris(List.of("urn:example:params:xml:ns:other-1.0")).build());

        assertThatThrownBy(session::open).isInstanceOf(EppSessionException.class)
                .hasMessageContaining("none of the supported object URIs");
        await(() -> server.connection(0).ended());
        assertThat(server.connection(0).received()).isEmpty();
    }

    @Test
    void everyCommandGetsItsOwnClTridAndTheCallerMayGiveOne() throws Exception {
        server = ScriptedEppServer.start(c -> {
            c.greetAndLogin();
            c.serve();
        });
        session = fixtures.session(endpoint(server).build());
        session.open();

        session.execute(DomainInfo.of("one.dk"));
        session.execute(DomainInfo.of("two.dk"));
        EppResponse third = session.execute(DomainInfo.of("three.dk"), ClientTransactionId.of("order-42-info"));

        List<String> clTrids = server.connection(0).received().stream().map(Frame::clTRID).toList();
        assertThat(clTrids).hasSize(4).doesNotHaveDuplicates();
        assertThat(clTrids.subList(0, 3)).allSatisfy(id -> assertThat(id).startsWith("REG-").hasSizeBetween(3, 64));
        assertThat(clTrids.get(3)).isEqualTo("order-42-info");
        assertThat(third.transactionId().clientTransactionId()).isEqualTo("order-42-info");
    }

    @Test
    void aMismatchedClTridPoisonsTheSession() throws Exception {
        server = ScriptedEppServer.start(c -> {
            c.greetAndLogin();
            c.read();
            c.send(ScriptedEppServer.response(1000, "Command completed successfully", "REG-late-answer"));
            c.drain();
        });
        session = fixtures.session(endpoint(server).build());
        session.open();

        assertThatThrownBy(() -> session.execute(DomainInfo.of("example.dk")))
                .isInstanceOf(EppSessionException.class).hasMessageContaining("carries clTRID REG-late-answer");

        assertThat(session.isUsable()).isFalse();
        await(() -> server.connection(0).ended());
        assertThat(server.connection(0).commands()).containsExactly("login", "info");
        assertThatThrownBy(() -> session.execute(DomainInfo.of("example.dk")))
                .isInstanceOf(EppSessionException.class).hasMessageContaining("closed");
    }

    @Test
    void aReadTimeoutPoisonsTheSessionAfterTheCommandClassLimit() throws Exception {
        server = ScriptedEppServer.start(c -> {
            c.greetAndLogin();
            c.drain();
        });
        EppTimeouts timeouts = new EppTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5), Map.of())
                .with(DomainInfo.class, Duration.ofMillis(200));
        session = fixtures.session(endpoint(server).timeouts(timeouts).build());
        session.open();

        long start = System.nanoTime();
        assertThatThrownBy(() -> session.execute(DomainInfo.of("example.dk")))
                .isInstanceOf(EppTimeoutException.class).hasMessageContaining("no answer to a DomainInfo");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(190), Duration.ofMillis(2000));

        assertThat(session.isUsable()).isFalse();
        await(() -> server.connection(0).ended());
    }

    @Test
    void on2002AnInfoIsResentOnceAfterAFreshLogin() throws Exception {
        server = ScriptedEppServer.start(c -> {
            c.greetAndLogin();
            c.respond(c.read(), 2002, "Command use error; not logged in");
            c.drain();
        }, c -> {
            c.greetAndLogin();
            c.serve();
        });
        session = fixtures.session(endpoint(server).build());
        session.open();

        EppResponse response = session.execute(DomainInfo.of("example.dk"));

        assertThat(response.code()).isEqualTo(1000);
        assertThat(session.isUsable()).isTrue();
        assertThat(server.connections()).hasSize(2);
        assertThat(server.connection(0).commands()).containsExactly("login", "info");
        assertThat(server.connection(1).commands()).containsExactly("login", "info");
        assertThat(server.connection(1).received().get(1).clTRID())
                .isNotEqualTo(server.connection(0).received().get(1).clTRID());
    }

    @Test
    void on2002ADeleteIsNotResentAndTheSessionIsDropped() throws Exception {
        server = ScriptedEppServer.start(c -> {
            c.greetAndLogin();
            c.respond(c.read(), 2002, "Command use error");
            c.drain();
        });
        session = fixtures.session(endpoint(server).build());
        session.open();

        EppResponse response = session.execute(new DomainDelete("example.dk"));

        assertThat(response.code()).isEqualTo(2002);
        assertThat(session.isUsable()).isFalse();
        await(() -> server.connection(0).ended());
        assertThat(server.connections()).hasSize(1);
        assertThat(server.connection(0).commands()).containsExactly("login", "delete");
    }

    @Test
    void on2002TwiceTheSessionGivesUp() throws Exception {
        server = ScriptedEppServer.start(c -> {
            c.greetAndLogin();
            c.respond(c.read(), 2002, "Command use error");
            c.drain();
        });
        session = fixtures.session(endpoint(server).build());
        session.open();

        EppResponse response = session.execute(DomainInfo.of("example.dk"));

        assertThat(response.code()).isEqualTo(2002);
        assertThat(session.isUsable()).isFalse();
        assertThat(server.connections()).hasSize(2);
    }

    @Test
    void on2500TheSessionEndsWithoutBackOff() throws Exception {
        server = ScriptedEppServer.start(c -> {
            c.greetAndLogin();
            c.respond(c.read(), 2500, "Command failed; server closing connection");
            c.drain();
        });
        session = fixtures.session(endpoint(server).build());
        session.open();

        assertThat(session.execute(DomainInfo.of("example.dk")).code()).isEqualTo(2500);

        assertThat(session.isUsable()).isFalse();
        assertThat(fixtures.sessionLimits).isEmpty();
        await(() -> server.connection(0).ended());
        assertThat(server.connection(0).commands()).containsExactly("login", "info");
    }

    @Test
    void on2502TheSessionEndsAndReportsTheSessionLimit() throws Exception {
        server = ScriptedEppServer.start(c -> {
            c.greetAndLogin();
            c.respond(c.read(), 2502, "Session limit exceeded; server closing connection");
            c.drain();
        });
        session = fixtures.session(endpoint(server).build());
        session.open();

        assertThat(session.execute(DomainInfo.of("example.dk")).code()).isEqualTo(2502);

        assertThat(session.isUsable()).isFalse();
        assertThat(fixtures.sessionLimits).containsExactly(2502);
    }

    @Test
    void aRefusedLoginSurfacesItsCode() throws Exception {
        server = ScriptedEppServer.start(c -> {
            c.greet();
            c.respond(c.read(), 2200, "Authentication error");
            c.drain();
        });
        session = fixtures.session(endpoint(server).build());

        assertThatThrownBy(session::open).isInstanceOfSatisfying(EppLoginException.class,
                e -> assertThat(e.code()).isEqualTo(2200)).hasMessageNotContaining(Fixtures.PASSWORD);
        assertThat(session.isUsable()).isFalse();
        assertThat(fixtures.sessionLimits).isEmpty();
    }

    @Test
    void helloIsAnsweredWithTheGreeting() throws Exception {
        server = ScriptedEppServer.start(c -> {
            c.greetAndLogin();
            c.serve();
        });
        session = fixtures.session(endpoint(server).build());
        session.open();

        assertThat(session.hello().serverId()).startsWith("DK Hostmaster");
        assertThat(server.connection(0).commands()).containsExactly("login", "hello");
    }

    @Test
    void closeLogsOut() throws Exception {
        server = ScriptedEppServer.start(c -> {
            c.greetAndLogin();
            c.serve();
        });
        session = fixtures.session(endpoint(server).build());
        session.open();

        session.close();

        Connection connection = server.connection(0);
        await(connection::ended);
        assertThat(connection.commands()).containsExactly("login", "logout");
        assertThat(session.isUsable()).isFalse();
    }

    @Test
    void aDifferentServerCertificateIsRefusedWhenPinned() throws Exception {
        server = new ScriptedEppServer("impostor.p12", c -> c.greetAndLogin());
        session = fixtures.session(endpoint(server).build());

        assertThatThrownBy(session::open).isInstanceOf(EppTlsException.class)
                .hasMessageContaining("TLS handshake with localhost:" + server.port() + " failed")
                .hasMessageContaining("not the pinned certificate");
        assertThat(session.isUsable()).isFalse();
    }

    @Test
    void aSelfSignedCertificateIsRefusedByTheDefaultTrustStore() throws Exception {
        server = ScriptedEppServer.start(c -> c.greetAndLogin());
        session = fixtures.session(endpoint(server).trust(EppTrust.jvmDefault()).build());

        assertThatThrownBy(session::open).isInstanceOf(EppTlsException.class)
                .hasMessageContaining("TLS handshake with localhost:" + server.port() + " failed");
    }
}
