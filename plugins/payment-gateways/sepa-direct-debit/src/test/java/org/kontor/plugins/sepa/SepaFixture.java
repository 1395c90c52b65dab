package org.kontor.plugins.sepa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.PluginContext;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.mail.Mailer;
import org.kontor.api.secrets.Secrets;
import org.kontor.api.settings.Settings;
import org.kontor.database.Database;
import org.kontor.plugins.sepa.mandate.Mandate;
import org.kontor.plugins.sepa.mandate.NewMandate;
import org.kontor.plugins.sepa.mandate.Scheme;
import org.kontor.testkit.RecordingEvents;
import org.kontor.testkit.RecordingMailer;
import org.kontor.testkit.TestClock;
import org.kontor.testkit.TestPluginContext;
import org.slf4j.Logger;

/** The plugin's services over a test database, a test clock (Tuesday 24 November 2026), recorded mail and a temporary data folder. */
public final class SepaFixture {

    public static final String CREDITOR_ID = "DE98ZZZ09999999999";

    public final TestClock clock = TestClock.at(Instant.parse("2026-11-24T09:00:00Z"));
    public final RecordingMailer mailer = new RecordingMailer();
    public final RecordingEvents events = new RecordingEvents();
    public final Map<String, String> settings = new HashMap<>(Map.of(
            SepaSettings.CREDITOR_NAME, "Kontor Hosting GmbH",
            SepaSettings.CREDITOR_IBAN, "DE89370400440532013000",
            SepaSettings.CREDITOR_BIC, "COBADEFFXXX",
            SepaSettings.CREDITOR_ID, CREDITOR_ID,
            SepaSettings.RETURNS_WEBHOOK_SECRET, "return-secret"));
    public final Path dataDir;
    public final PluginContext context;
    public final Sepa sepa;

    public SepaFixture(Database database) {
        try {
            dataDir = Files.createTempDirectory("sepa-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestPluginContext base = new TestPluginContext("payment-sepa", database.jdbi(), clock, events,
                mailer, Map.of());
        context = new Context(base, dataDir, key -> java.util.Optional.ofNullable(settings.get(key)));
        sepa = Sepa.of(context);
    }

    /** A unique customer id, so that tests sharing a database stay apart. */
    public static String customer() {
        return "cust-" + UUID.randomUUID();
    }

    public static String reference() {
        return "M-" + UUID.randomUUID().toString().substring(0, 18).toUpperCase();
    }

    public Mandate mandate(String customerId, boolean recurring, String language) {
        return sepa.mandates().create(customerId, new NewMandate(reference(), "Jürgen Müller", "DE02120300000000202051",
                "BYLADEM1001", LocalDate.of(2026, 11, 1), Scheme.CORE, recurring, "debtor@example.de", language));
    }

    private record Context(TestPluginContext base, Path dataDir, Settings settings) implements PluginContext {

        @Override
        public String pluginId() {
            return base.pluginId();
        }

        @Override
        public String pluginVersion() {
            return base.pluginVersion();
        }

        @Override
        public Clock clock() {
            return base.clock();
        }

        @Override
        public Jdbi jdbi() {
            return base.jdbi();
        }

        @Override
        public EventPublisher events() {
            return base.events();
        }

        @Override
        public Secrets secrets() {
            return base.secrets();
        }

        @Override
        public HttpClient httpClient() {
            return base.httpClient();
        }

        @Override
        public Mailer mailer() {
            return base.mailer();
        }

        @Override
        public Logger logger() {
            return base.logger();
        }
    }
}
