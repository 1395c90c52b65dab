package org.kontor.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.kontor.api.PluginApi;
import org.kontor.api.settings.SettingsSchema;
import org.kontor.api.web.RouteContributor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginHostTest {

    @TempDir
    Path temp;

    private final InMemoryPluginStates states = new InMemoryPluginStates();
    private final List<String> migrated = new ArrayList<>();
    private final List<PluginHost> hosts = new ArrayList<>();

    @AfterEach
    void close() {
        hosts.forEach(PluginHost::close);
    }

    @Test
    void loadsAPluginZipInDeploymentMode() {
        PluginHost host = deployed("greeter");

        PluginInfo greeter = host.find("greeter").orElseThrow();
        assertThat(greeter.state()).isEqualTo(PluginStatus.STARTED);
        assertThat(greeter.version()).isEqualTo(TestPlugins.VERSION);
        assertThat(greeter.requires()).isEqualTo(">=1.0.0 & <2.0.0");
        assertThat(migrated).containsExactly("greeter");
        assertThat(host.of(RouteContributor.class)).extracting(Contribution::pluginId).containsExactly("greeter");
    }

    @Test
    void pluginClassesSeeTheHostsApiAndTheirOwnClassLoader() {
        PluginHost host = deployed("greeter");

        Object routes = host.of(RouteContributor.class).get(0).extension();

        assertThat(routes).isInstanceOf(RouteContributor.class);
        assertThat(routes.getClass().getClassLoader()).isInstanceOf(HostFirstPluginClassLoader.class);
        assertThat(routes.getClass().getClassLoader().getParent()).isSameAs(RouteContributor.class.getClassLoader());
    }

    @Test
    void eachExtensionIsCreatedOnceWithItsPluginContext() {
        PluginHost host = deployed("greeter");

        Object first = host.of(RouteContributor.class).get(0).extension();
        Object second = host.of(RouteContributor.class).get(0).extension();

        assertThat(first).isSameAs(second);
        assertThat(contextsCreated.get()).isEqualTo(1);
        assertThat(host.of(SettingsSchema.class)).hasSize(1);
        assertThat(contextsCreated.get()).as("one context per plugin, not per extension").isEqualTo(1);
    }

    @Test
    void refusesAPluginThatRequiresAnotherApiMajorWhileTheOthersRun() {
        PluginHost host = deployed("greeter", "future-api");

        PluginInfo future = host.find("future-api").orElseThrow();
        assertThat(future.state()).isEqualTo(PluginStatus.INCOMPATIBLE);
        assertThat(future.problem()).isEqualTo("requires plugin API >=2.0.0 & <3.0.0, but this host provides "
                + PluginApi.version());
        assertThat(host.find("greeter").orElseThrow().state()).isEqualTo(PluginStatus.STARTED);
        assertThat(host.of(RouteContributor.class)).extracting(Contribution::pluginId).containsExactly("greeter");
        assertThat(migrated).doesNotContain("future-api");
        assertThatThrownBy(() -> host.enable("future-api"))
                .isInstanceOf(PluginOperationException.class)
                .hasMessageContaining("requires plugin API >=2.0.0 & <3.0.0");
    }

    @Test
    void isolatesAPluginThatThrowsOnStart() {
        PluginHost host = deployed("greeter", "failing-start");

        PluginInfo failing = host.find("failing-start").orElseThrow();
        assertThat(failing.state()).isEqualTo(PluginStatus.FAILED);
        assertThat(failing.problem()).contains("cannot reach the payment provider at start");
        assertThat(host.find("greeter").orElseThrow().state()).isEqualTo(PluginStatus.STARTED);
        assertThat(host.of(RouteContributor.class)).extracting(Contribution::pluginId).containsExactly("greeter");
        assertThat(host.activePluginIds()).containsExactly("greeter");
    }

    @Test
    void aPluginWhoseMigrationsFailIsNotStarted() {
        PluginHost host = new PluginHost(settings(TestPlugins.deploy(temp.resolve("plugins"), "greeter"), false),
                states, this::context, (id, loader) -> {
                    throw new IllegalStateException("table greeter_visit already exists");
                });
        hosts.add(host);
        host.start();

        PluginInfo greeter = host.find("greeter").orElseThrow();
        assertThat(greeter.state()).isEqualTo(PluginStatus.FAILED);
        assertThat(greeter.problem()).isEqualTo("migrations failed: IllegalStateException: table greeter_visit already exists");
        assertThat(host.of(RouteContributor.class)).isEmpty();
    }

    @Test
    void aPluginWhoseServiceFailsToStartIsMarkedFailedAndTheOthersRun() {
        // The service writes its port into the plugin's data folder, which this test context does not offer.
        PluginHost host = deployed("greeter", "service-plugin");

        PluginInfo service = host.find("service-plugin").orElseThrow();
        assertThat(service.state()).isEqualTo(PluginStatus.FAILED);
        assertThat(service.problem()).startsWith("a service failed to start: IllegalStateException");
        assertThat(host.activePluginIds()).containsExactly("greeter");
    }

    @Test
    void disablingRemovesExtensionsAndResourcesAndEnablingBringsThemBack() {
        PluginHost host = deployed("greeter");
        AtomicInteger changes = new AtomicInteger();
        host.onChange(changes::incrementAndGet);
        Object before = host.of(RouteContributor.class).get(0).extension();
        assertThat(host.resource("greeter", "templates/greeter/hello.ftlh")).isPresent();

        PluginInfo disabled = host.disable("greeter");

        assertThat(disabled.state()).isEqualTo(PluginStatus.DISABLED);
        assertThat(host.of(RouteContributor.class)).isEmpty();
        assertThat(host.activePluginIds()).isEmpty();
        assertThat(host.resource("greeter", "templates/greeter/hello.ftlh")).isEmpty();
        assertThat(states.enabled("greeter")).contains(false);
        assertThat(changes.get()).isEqualTo(1);

        PluginInfo enabled = host.enable("greeter");

        assertThat(enabled.state()).isEqualTo(PluginStatus.STARTED);
        assertThat(host.of(RouteContributor.class)).hasSize(1);
        assertThat(host.of(RouteContributor.class).get(0).extension()).as("fresh extensions").isNotSameAs(before);
        assertThat(host.resource("greeter", "templates/greeter/hello.ftlh")).isPresent();
        assertThat(states.enabled("greeter")).contains(true);
        assertThat(changes.get()).isEqualTo(2);
    }

    @Test
    void aDisabledPluginStaysOffAfterARestart() {
        deployed("greeter").disable("greeter");

        PluginHost restarted = deployed("greeter");

        assertThat(restarted.find("greeter").orElseThrow().state()).isEqualTo(PluginStatus.DISABLED);
        assertThat(restarted.of(RouteContributor.class)).isEmpty();
    }

    @Test
    void enablingAnUnknownPluginIsRefused() {
        PluginHost host = deployed("greeter");

        assertThatThrownBy(() -> host.enable("nope")).isInstanceOf(PluginOperationException.class)
                .hasMessage("There is no plugin 'nope'.");
    }

    @Test
    void resourcesComeOnlyFromThePluginsOwnFiles() {
        PluginHost host = deployed("greeter");

        assertThat(host.resource("greeter", "kontor-defaults.properties")).as("a host resource").isEmpty();
        assertThat(host.resource("greeter", "db/migration/greeter/V1__visits.sql")).isPresent();
    }

    @Test
    void loadsBuiltModulesInDevelopmentMode() {
        PluginHost host = new PluginHost(settings(TestPlugins.reactorFolder(), true), states, this::context,
                (id, loader) -> migrated.add(id));
        hosts.add(host);
        host.start();

        assertThat(host.list()).extracting(PluginInfo::id)
                .containsExactlyInAnyOrder("greeter", "future-api", "failing-start", "service-plugin", "test-gateway");
        assertThat(host.find("greeter").orElseThrow().state()).isEqualTo(PluginStatus.STARTED);
        assertThat(host.resource("greeter", "templates/greeter/hello.ftlh").orElseThrow().getProtocol()).isEqualTo("file");
    }

    @Test
    void installsAPluginZipWhileRunning() {
        PluginHost host = deployed();
        AtomicInteger changes = new AtomicInteger();
        host.onChange(changes::incrementAndGet);

        PluginInfo installed = host.install(TestPlugins.zip("greeter"));

        assertThat(installed.state()).isEqualTo(PluginStatus.STARTED);
        assertThat(installed.version()).isEqualTo(TestPlugins.VERSION);
        assertThat(migrated).containsExactly("greeter");
        assertThat(host.of(RouteContributor.class)).extracting(Contribution::pluginId).containsExactly("greeter");
        assertThat(changes.get()).isEqualTo(1);
        assertThat(temp.resolve("plugins").resolve("greeter-" + TestPlugins.VERSION + ".zip")).exists();
    }

    @Test
    void installingAgainReplacesTheInstalledVersion() {
        PluginHost host = deployed("greeter");
        Object before = host.of(RouteContributor.class).get(0).extension();

        PluginInfo replaced = host.install(TestPlugins.zip("greeter"));

        assertThat(replaced.state()).isEqualTo(PluginStatus.STARTED);
        assertThat(host.list()).hasSize(1);
        Object after = host.of(RouteContributor.class).get(0).extension();
        assertThat(after).isNotSameAs(before);
        assertThat(after.getClass().getClassLoader()).as("a new class loader for the new version")
                .isNotSameAs(before.getClass().getClassLoader());
    }

    @Test
    void refusesAZipForAnotherApiMajorAndKeepsWhatRuns() {
        PluginHost host = deployed("greeter");

        assertThatThrownBy(() -> host.install(TestPlugins.zip("future-api")))
                .isInstanceOf(PluginOperationException.class)
                .hasMessage("Plugin 'future-api' 1.2.0 requires plugin API >=2.0.0 & <3.0.0, but this host provides "
                        + PluginApi.version() + ".");
        assertThat(host.list()).extracting(PluginInfo::id).containsExactly("greeter");
        assertThat(temp.resolve("plugins").resolve("future-api-1.2.0.zip")).doesNotExist();
    }

    @Test
    void refusesFilesThatAreNotPlugins() throws Exception {
        PluginHost host = deployed();
        Path notAZip = java.nio.file.Files.writeString(temp.resolve("notes.zip"), "hello");
        Path emptyZip = temp.resolve("empty.zip");
        try (var out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(emptyZip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            out.write("no descriptor".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> host.install(notAZip)).hasMessage("The file is not a zip archive.");
        assertThatThrownBy(() -> host.install(emptyZip))
                .hasMessage("The file is not a Kontor plugin: it has no plugin.properties at its root.");
        assertThat(host.list()).isEmpty();
    }

    @Test
    void developmentModeTakesNoUploads() {
        PluginHost host = new PluginHost(settings(TestPlugins.reactorFolder(), true), states, this::context,
                (id, loader) -> migrated.add(id));
        hosts.add(host);
        host.start();

        assertThatThrownBy(() -> host.install(TestPlugins.zip("greeter")))
                .hasMessageContaining("cannot be installed in development mode");
    }

    private final AtomicInteger contextsCreated = new AtomicInteger();

    private org.kontor.api.PluginContext context(String id, String version) {
        contextsCreated.incrementAndGet();
        return new UnusedPluginContext(id, version);
    }

    private PluginHost deployed(String... pluginIds) {
        Path folder = TestPlugins.deploy(temp.resolve("plugins"), pluginIds);
        PluginHost host = new PluginHost(settings(folder, false), states, this::context, (id, loader) -> migrated.add(id));
        hosts.add(host);
        host.start();
        return host;
    }

    private static PluginHostSettings settings(Path folder, boolean development) {
        return new PluginHostSettings(folder, development, PluginApi.version());
    }
}
