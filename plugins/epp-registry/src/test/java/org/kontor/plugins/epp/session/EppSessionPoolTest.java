package org.kontor.plugins.epp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kontor.plugins.epp.session.Fixtures.await;
import static org.kontor.plugins.epp.session.Fixtures.endpoint;

import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.plugins.epp.codec.EppCommandEncoder;
import org.kontor.plugins.epp.codec.EppResponseDecoder;
import org.kontor.plugins.epp.command.DomainInfo;
import org.kontor.plugins.epp.session.EppPoolUnavailableException.Reason;

class EppSessionPoolTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private ScriptedEppServer server;
    private EppSessionPool pool;

    @AfterEach
    void tearDown() throws Exception {
        if (pool != null) {
            pool.close();
        }
        scheduler.shutdownNow();
        if (server != null) {
            assertThat(server.failures()).isEmpty();
            server.close();
        }
    }

    private EppSessionPool pool(EppEndpoint endpoint) {
        return new EppSessionPool(endpoint, new EppCommandEncoder(), new EppResponseDecoder(Currency.getInstance("DKK")),
                scheduler, Clock.systemUTC());
    }

    private static ScriptedEppServer.Script loginAndServe() {
        return c -> {
            c.greetAndLogin();
            c.serve();
        };
    }

    @Test
    void opensSessionsLazilyAndReusesAReturnedOne() throws Exception {
        server = ScriptedEppServer.start(loginAndServe());
        pool = pool(endpoint(server).build());
        assertThat(server.connections()).isEmpty();

        assertThat(pool.execute(DomainInfo.of("one.dk")).code()).isEqualTo(1000);
        assertThat(pool.execute(DomainInfo.of("two.dk")).code()).isEqualTo(1000);

        assertThat(server.connections()).hasSize(1);
        assertThat(server.connection(0).commands()).containsExactly("login", "info", "info");
        assertThat(pool.idleCount()).isEqualTo(1);
    }

    @Test
    void anOldSessionIsLoggedOutInsteadOfLent() throws Exception {
        server = ScriptedEppServer.start(loginAndServe());
        pool = pool(endpoint(server).maxSessionAge(Duration.ofMillis(150)).build());
        pool.execute(DomainInfo.of("one.dk"));

        Thread.sleep(200);
        pool.execute(DomainInfo.of("two.dk"));

        assertThat(server.connections()).hasSize(2);
        await(() -> server.connection(0).ended());
        assertThat(server.connection(0).commands()).containsExactly("login", "info", "logout");
        assertThat(server.connection(1).commands()).containsExactly("login", "info");
    }

    @Test
    void aBorrowTimesOutWhenAllSessionsAreBusy() throws Exception {
        server = ScriptedEppServer.start(loginAndServe());
        pool = pool(endpoint(server).maxSessions(1).borrowTimeout(Duration.ofMillis(150)).build());
        EppSession held = pool.borrow();

        long start = System.nanoTime();
        assertThatThrownBy(pool::borrow).isInstanceOfSatisfying(EppPoolUnavailableException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.BORROW_TIMEOUT)).hasMessageContaining("within PT0.15S");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(140));

        pool.release(held);
        assertThat(pool.borrow()).isSameAs(held);
        assertThat(server.connections()).hasSize(1);
    }

    @Test
    void aPoisonedSessionIsDiscardedAndReplaced() throws Exception {
        server = ScriptedEppServer.start(c -> {
            c.greetAndLogin();
            c.read();
            c.send(ScriptedEppServer.response(1000, "Command completed successfully", "REG-late-answer"));
            c.drain();
        }, loginAndServe());
        pool = pool(endpoint(server).maxSessions(1).build());

        assertThatThrownBy(() -> pool.execute(DomainInfo.of("example.dk"))).isInstanceOf(EppSessionException.class);
        assertThat(pool.idleCount()).isZero();

        assertThat(pool.execute(DomainInfo.of("example.dk")).code()).isEqualTo(1000);
        assertThat(server.connections()).hasSize(2);
    }

    @Test
    void aSessionLimitAtLoginMakesThePoolBackOff() throws Exception {
        server = ScriptedEppServer.start(c -> {
            c.greet();
            c.respond(c.read(), 2502, "Session limit exceeded; server closing connection");
            c.drain();
        }, loginAndServe());
        pool = pool(endpoint(server).sessionLimitBackOff(Duration.ofMillis(300)).build());

        assertThatThrownBy(() -> pool.execute(DomainInfo.of("example.dk")))
                .isInstanceOfSatisfying(EppLoginException.class, e -> assertThat(e.code()).isEqualTo(2502));
        assertThat(pool.isBackingOff()).isTrue();
        assertThatThrownBy(() -> pool.execute(DomainInfo.of("example.dk")))
                .isInstanceOfSatisfying(EppPoolUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BACKING_OFF));
        assertThat(server.connections()).hasSize(1);

        await(() -> !pool.isBackingOff());
        assertThat(pool.execute(DomainInfo.of("example.dk")).code()).isEqualTo(1000);
        assertThat(server.connections()).hasSize(2);
    }

    @Test
    void a2502OnACommandMakesThePoolBackOff() throws Exception {
        server = ScriptedEppServer.start(c -> {
            c.greetAndLogin();
            c.respond(c.read(), 2502, "Session limit exceeded; server closing connection");
            c.drain();
        });
        pool = pool(endpoint(server).sessionLimitBackOff(Duration.ofSeconds(30)).build());

        assertThat(pool.execute(DomainInfo.of("example.dk")).code()).isEqualTo(2502);

        assertThat(pool.isBackingOff()).isTrue();
        assertThat(pool.idleCount()).isZero();
        assertThatThrownBy(() -> pool.execute(DomainInfo.of("example.dk")))
                .isInstanceOf(EppPoolUnavailableException.class);
        assertThat(server.connections()).hasSize(1);
    }

    @Test
    void anIdleSessionSendsHelloAfterTheKeepAliveInterval() throws Exception {
        server = ScriptedEppServer.start(loginAndServe());
        pool = pool(endpoint(server).keepAliveInterval(Duration.ofMillis(200)).build());
        pool.execute(DomainInfo.of("example.dk"));
        long returned = System.nanoTime();

        await(() -> server.connection(0).commands().contains("hello"));

        assertThat(Duration.ofNanos(System.nanoTime() - returned)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(server.connection(0).commands()).startsWith("login", "info", "hello");
        // the server has the hello before the pool has its answer and takes the session back
        await(() -> pool.idleCount() == 1);
        assertThat(pool.execute(DomainInfo.of("example.dk")).code()).isEqualTo(1000);
        assertThat(server.connections()).hasSize(1);
    }

    @Test
    void aBusySessionGetsNoKeepAlive() throws Exception {
        server = ScriptedEppServer.start(loginAndServe());
        pool = pool(endpoint(server).keepAliveInterval(Duration.ofMillis(50)).build());
        EppSession held = pool.borrow();

        Thread.sleep(300);

        assertThat(server.connection(0).commands()).containsExactly("login");
        pool.release(held);
    }

    @Test
    void closeLogsOutEverySession() throws Exception {
        server = ScriptedEppServer.start(loginAndServe());
        pool = pool(endpoint(server).maxSessions(2).build());
        EppSession first = pool.borrow();
        EppSession second = pool.borrow();
        pool.release(first);
        pool.release(second);
        assertThat(server.connections()).hasSize(2);

        pool.close();

        await(() -> server.connections().stream().allMatch(ScriptedEppServer.Connection::ended));
        assertThat(server.connections()).allSatisfy(c -> assertThat(c.commands()).containsExactly("login", "logout"));
        assertThatThrownBy(pool::borrow).isInstanceOfSatisfying(EppPoolUnavailableException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.CLOSED));
    }

    @Test
    void theTokenBucketSpacesCommands() throws Exception {
        server = ScriptedEppServer.start(loginAndServe());
        pool = pool(endpoint(server).rateLimit(20, 1).build());
        pool.execute(DomainInfo.of("warm-up.dk")); // login and first command

        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            pool.execute(DomainInfo.of("example" + i + ".dk"));
        }

        // 4 commands at 20 per second, burst 1: the token refilled while the warm-up's answer was on its way may
        // be there already, the other three wait a full 50 ms each.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(145));
    }
}
