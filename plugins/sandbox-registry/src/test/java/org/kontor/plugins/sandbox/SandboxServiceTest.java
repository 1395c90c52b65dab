package org.kontor.plugins.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.database.Database;
import org.kontor.plugins.sandbox.service.SandboxEndpoint;
import org.kontor.plugins.sandbox.service.SandboxService;
import org.kontor.plugins.sandbox.service.SandboxSettingsSchema;
import org.kontor.plugins.sandbox.tls.TlsFiles;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.slf4j.LoggerFactory;

/** The sandbox run as the host runs it: started with the plugin's context, stopped, started again. */
@DatabaseTest(plugins = "sandbox-registry")
class SandboxServiceTest {

    private static final String PASSWORD = "Service-Secret-9";

    @TempDir
    Path dataDir;

    private final String registrar = "sv" + Long.toString(System.nanoTime() % 1_000_000_000_000L, 36);
    private final ch.qos.logback.classic.Logger logger =
            (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("plugin.sandbox-registry." + registrar);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private SandboxService service;

    SandboxServiceTest() {
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopService() {
        if (service != null) {
            service.stop();
        }
        logger.detachAppender(logged);
    }

    @DbTest
    void aClientPinningTheKeptCertificateLogsInBeforeAndAfterARestart(Database database) throws Exception {
        int port = freePort();
        ServiceTestContext context = context(database, settings(port, PASSWORD));
        service = new SandboxService(context);
        service.start();

        SandboxEndpoint endpoint = service.endpoint();
        assertThat(endpoint.running()).isTrue();
        assertThat(endpoint.port()).isEqualTo(port);
        String kept = Files.readString(dataDir.resolve(TlsFiles.CERTIFICATE_FILE));
        assertThat(kept).startsWith("-----BEGIN CERTIFICATE-----").isEqualTo(endpoint.certificate());
        assertThat(Files.readString(dataDir.resolve(TlsFiles.KEY_FILE))).contains("PRIVATE KEY");
        if (Files.getFileStore(dataDir).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(TlsFiles.KEY_FILE))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dataDir.resolve(TlsFiles.CERTIFICATE_FILE)))).isEqualTo("rw-------");
        }
        assertLogsIn(certificate(kept), port);

        service.stop();
        assertThat(service.endpoint().running()).isFalse();
        assertThat(service.endpoint().port()).isNull();
        assertThat(listening(port)).isFalse();

        // the host makes a new instance when the plugin is loaded again
        service = new SandboxService(context);
        service.start();
        assertThat(service.endpoint().port()).isEqualTo(port);
        assertThat(service.endpoint().certificate()).isEqualTo(kept);
        assertThat(Files.readString(dataDir.resolve(TlsFiles.CERTIFICATE_FILE))).isEqualTo(kept);
        assertLogsIn(certificate(kept), port);

        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("127.0.0.1:" + port).contains(registrar))
                .allSatisfy(m -> assertThat(m).doesNotContain(PASSWORD).doesNotContain("PRIVATE KEY"));
    }

    @DbTest
    void theOpeningBalanceIsGivenOnceWhenTheAccountIsOpened(Database database) {
        Map<String, String> values = settings(0, PASSWORD);
        values.put(SandboxSettingsSchema.OPENING_BALANCE, "1234.50");
        ServiceTestContext context = context(database, values);
        service = new SandboxService(context);
        service.start();
        assertThat(service.endpoint().port()).isPositive();
        assertThat(balanceMinor(database)).isEqualTo(123_450L);
        service.stop();

        values.put(SandboxSettingsSchema.OPENING_BALANCE, "5");
        service = new SandboxService(context.withSettings(values));
        service.start();
        assertThat(balanceMinor(database)).isEqualTo(123_450L);
    }

    @DbTest
    void withoutAPasswordTheServiceDoesNotStartAndSaysWhy(Database database) {
        int port = freePort();
        service = new SandboxService(context(database, settings(port, "")));
        service.start();

        SandboxEndpoint endpoint = service.endpoint();
        assertThat(endpoint.running()).isFalse();
        assertThat(endpoint.port()).isNull();
        assertThat(endpoint.reason()).contains(SandboxSettingsSchema.REGISTRAR_PASSWORD);
        assertThat(listening(port)).isFalse();
        assertThat(dataDir.resolve(TlsFiles.KEY_FILE)).doesNotExist();
        assertThat(logged.list).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains("does not start").contains(SandboxSettingsSchema.REGISTRAR_PASSWORD);
        });
    }

    @DbTest
    void anInvalidSettingFailsTheStartNamingIt(Database database) {
        Map<String, String> values = settings(0, PASSWORD);
        values.put(SandboxSettingsSchema.CURRENCY, "KRONER");
        service = new SandboxService(context(database, values));
        assertThatThrownBy(service::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SandboxSettingsSchema.CURRENCY);
        assertThat(service.endpoint().running()).isFalse();
    }

    private void assertLogsIn(X509Certificate pinned, int port) {
        try (TestClient client = new TestClient(pinned, port)) {
            assertThat(client.greeting().serverId()).isEqualTo("Kontor sandbox registry");
            assertThat(client.login(registrar, "Wrong-Secret-1").code()).isEqualTo(2200);
        }
        try (TestClient client = new TestClient(pinned, port)) {
            assertThat(client.login(registrar, PASSWORD).code()).isEqualTo(1000);
        }
    }

    private Map<String, String> settings(int port, String password) {
        Map<String, String> values = new HashMap<>();
        values.put(SandboxSettingsSchema.PORT, Integer.toString(port));
        values.put(SandboxSettingsSchema.REGISTRAR_ID, registrar);
        values.put(SandboxSettingsSchema.REGISTRAR_PASSWORD, password);
        return values;
    }

    private ServiceTestContext context(Database database, Map<String, String> values) {
        return new ServiceTestContext(database.jdbi(), dataDir, logger, values);
    }

    private long balanceMinor(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT balance_minor FROM sandbox_registry_balance WHERE registrar = :r")
                .bind("r", registrar).mapTo(Long.class).one());
    }

    private static X509Certificate certificate(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether something holds the port. Binding tells for certain; a test connection could succeed by a TCP
     * self-connect when the port lies in the ephemeral range.
     */
    private static boolean listening(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
