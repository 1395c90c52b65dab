package org.kontor.plugins.epp.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kontor.plugins.epp.codec.EppCommandEncoder;
import org.kontor.plugins.epp.codec.EppResponseDecoder;

/** Endpoints and sessions pointed at a {@link ScriptedEppServer}, with short time limits. */
public final class Fixtures {

    public static final String PASSWORD = "Secret-Passw0rd";
    public static final String PINNED_PEM = read("/epp/tls/server.pem");

    final CopyOnWriteArrayList<Integer> sessionLimits = new CopyOnWriteArrayList<>();

    public static EppEndpoint.Builder endpoint(ScriptedEppServer server) {
        return EppEndpoint.builder("localhost", server.port(), "REG-1234", PASSWORD)
                .trust(EppTrust.pinned(PINNED_PEM))
                .timeouts(new EppTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), Map.of()))
                .rateLimit(1000, 1000);
    }

    EppSession session(EppEndpoint endpoint) {
        return new EppSession(endpoint, new EppTlsConnector(endpoint), new EppCommandEncoder(),
                new EppResponseDecoder(Currency.getInstance("DKK")), new ClTridGenerator("REG", Clock.systemUTC()),
                new TokenBucket(1000, 1000, System::nanoTime), Clock.systemUTC(), sessionLimits::add);
    }

    public static String read(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to two seconds for the condition. */
    public static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 2_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 2 s");
            }
            Thread.sleep(10);
        }
    }
}
