package org.kontor.host.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingType;
import org.kontor.api.settings.Settings;
import org.kontor.api.settings.SettingsSchema;
import org.kontor.database.Database;
import org.kontor.host.plugins.FakeExtensions;
import org.kontor.host.secrets.SecretBox;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

@DatabaseTest(migrateHost = true)
class PluginSettingsServiceTest {

    private static final String PLUGIN = "stripe";
    private static final List<SettingField> FIELDS = List.of(
            SettingField.secret("api.key", "API key", true),
            SettingField.of("endpoint", SettingType.URL, "Endpoint", true, "https://api.stripe.com"),
            SettingField.of("timeout.seconds", SettingType.INTEGER, "Timeout", false, "30"),
            SettingField.choice("mode", "Mode", List.of("test", "live"), "test"),
            SettingField.text("account", "Account", false));

    private final SecretBox box = SecretBox.withKey(SecretBox.newKey(new SecureRandom()));
    private PluginSettingsService service;

    @BeforeEach
    void setUp(Database db) {
        db.jdbi().useHandle(h -> h.execute("DELETE FROM plugin_setting"));
        service = new PluginSettingsService(db.jdbi(), box, TestClock.fixed());
    }

    @DbTest
    void reportsEveryInvalidFieldAtOnceAndSavesNothing(Database db) {
        SettingsValidationException refused = catchThrowableOfType(SettingsValidationException.class,
                () -> service.save(PLUGIN, FIELDS, Map.of("endpoint", "ftp://x", "timeout.seconds", "soon",
                        "mode", "prod", "colour", "red")));
        assertThat(refused.fieldErrors()).containsOnlyKeys("api.key", "endpoint", "timeout.seconds", "mode", "colour");
        assertThat(refused.fieldErrors().get("api.key")).isEqualTo("API key is required");
        assertThat(refused.fieldErrors().get("colour")).isEqualTo("unknown setting");
        assertThat(rows(db)).isZero();
    }

    @DbTest
    void storesSecretsSealedAndNeverShowsThem(Database db) {
        service.save(PLUGIN, FIELDS, Map.of("api.key", "sk_live_123", "mode", "live", "account", " acct_9 "));
        String stored = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT value FROM plugin_setting WHERE setting_key = 'api.key' AND secret = 1").mapTo(String.class).one());
        assertThat(stored).startsWith("v1:").doesNotContain("sk_live_123");
        assertThat(box.open(stored)).isEqualTo("sk_live_123");

        Map<String, String> view = service.readView(PLUGIN, FIELDS);
        assertThat(view).containsEntry("api.key", PluginSettingsService.SECRET_MARKER)
                .containsEntry("endpoint", "https://api.stripe.com")
                .containsEntry("mode", "live")
                .containsEntry("account", "acct_9");
        assertThat(view.values()).doesNotContain("sk_live_123");
        assertThat(service.readView("other", FIELDS)).containsEntry("api.key", "");
    }

    @DbTest
    void keepsASavedSecretWhenTheFormSendsItBackEmptyOrAsTheMarker(Database db) {
        service.save(PLUGIN, FIELDS, Map.of("api.key", "first"));
        Map<String, String> form = new HashMap<>(service.readView(PLUGIN, FIELDS));
        form.put("mode", "live");
        service.save(PLUGIN, FIELDS, form);
        form.put("api.key", "");
        service.save(PLUGIN, FIELDS, form);
        Settings settings = service.settings(PLUGIN, () -> FIELDS);
        assertThat(settings.get("api.key")).contains("first");
        assertThat(settings.get("mode")).contains("live");

        form.put("api.key", "second");
        service.save(PLUGIN, FIELDS, form);
        assertThat(settings.require("api.key")).isEqualTo("second");
    }

    @DbTest
    void settingsViewFillsInDefaultsAndSeesLaterSaves(Database db) {
        FakeExtensions extensions = new FakeExtensions();
        extensions.add(PLUGIN, SettingsSchema.class, () -> FIELDS);
        Settings settings = service.settings(PLUGIN, () -> new SettingsSchemas(extensions).fieldsOf(PLUGIN));
        assertThat(settings.get("endpoint")).contains("https://api.stripe.com");
        assertThat(settings.number("timeout.seconds", 0)).isEqualTo(30);
        assertThat(settings.get("account")).isEmpty();
        assertThat(settings.get("api.key")).isEmpty();

        service.save(PLUGIN, FIELDS, Map.of("api.key", "k", "timeout.seconds", "5", "account", "a"));
        assertThat(settings.number("timeout.seconds", 0)).isEqualTo(5);
        service.save(PLUGIN, FIELDS, Map.of("timeout.seconds", " "));
        assertThat(settings.number("timeout.seconds", 0)).as("blank falls back to the default").isEqualTo(30);
        assertThat(settings.get("account")).isEmpty();
        assertThat(settings.get("api.key")).contains("k");
    }

    @DbTest
    void readsComeFromMemoryUntilASaveHereOrTheMaximumAgeForSavesOfOtherHosts(Database db) {
        TestClock clock = TestClock.at(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        PluginSettingsService cached = new PluginSettingsService(db.jdbi(), box, clock, java.time.Duration.ofSeconds(10));
        cached.save(PLUGIN, FIELDS, Map.of("api.key", "k", "account", "first"));
        Settings settings = cached.settings(PLUGIN, () -> FIELDS);
        assertThat(settings.get("account")).contains("first");

        // another host sharing the database changes the row: not seen until the loaded copy is too old
        db.jdbi().useHandle(h -> h.execute("UPDATE plugin_setting SET value = 'elsewhere' WHERE setting_key = 'account'"));
        assertThat(settings.get("account")).contains("first");
        clock.advance(java.time.Duration.ofSeconds(9));
        assertThat(settings.get("account")).contains("first");
        clock.advance(java.time.Duration.ofSeconds(2));
        assertThat(settings.get("account")).contains("elsewhere");

        // a save on this host is seen by the next read
        cached.save(PLUGIN, FIELDS, Map.of("api.key", "k", "account", "third"));
        assertThat(settings.get("account")).contains("third");
        assertThat(settings.get("api.key")).as("secrets opened on read").contains("k");

        PluginSettingsService uncached = new PluginSettingsService(db.jdbi(), box, clock, java.time.Duration.ZERO);
        Settings direct = uncached.settings(PLUGIN, () -> FIELDS);
        assertThat(direct.get("account")).contains("third");
        db.jdbi().useHandle(h -> h.execute("UPDATE plugin_setting SET value = 'fourth' WHERE setting_key = 'account'"));
        assertThat(direct.get("account")).contains("fourth");
    }

    private static long rows(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM plugin_setting").mapTo(Long.class).one());
    }
}
