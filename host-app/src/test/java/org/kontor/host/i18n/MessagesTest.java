package org.kontor.host.i18n;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.host.plugins.PluginResources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {

    @TempDir
    Path dir;

    private static final PluginResources NO_PLUGINS = new PluginResources() {
        @Override
        public List<String> activePluginIds() {
            return List.of();
        }

        @Override
        public Optional<URL> resource(String pluginId, String path) {
            return Optional.empty();
        }
    };

    private ResourceLayer layer(String name, String... fileAndContent) {
        Path root = dir.resolve(name);
        try {
            for (int i = 0; i < fileAndContent.length; i += 2) {
                Path file = root.resolve(fileAndContent[i]);
                Files.createDirectories(file.getParent());
                Files.writeString(file, fileAndContent[i + 1], StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path -> {
            Path file = root.resolve(path);
            try {
                return Files.isRegularFile(file) ? Optional.of(file.toUri().toURL()) : Optional.empty();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void fallsBackToEnglishThenToTheKey() {
        ResourceLayer base = layer("base",
                "messages/messages_en.properties", "only.en=Only in English\nboth=Both\n",
                "messages/messages_da.properties", "both=Begge\n");
        Messages messages = new Messages(List.of(), base, NO_PLUGINS, "en");

        assertThat(messages.get("da", "both")).isEqualTo("Begge");
        assertThat(messages.get("da", "only.en")).isEqualTo("Only in English");
        assertThat(messages.get("da", "nowhere")).isEqualTo("nowhere");
    }

    @Test
    void themeLayerWinsOverBaseInTheSameLanguageOnly() {
        ResourceLayer base = layer("base2",
                "messages/messages_en.properties", "t=Base EN\n",
                "messages/messages_de.properties", "t=Basis DE\n");
        ResourceLayer theme = layer("theme", "messages/messages_en.properties", "t=Theme EN\n");
        Messages messages = new Messages(List.of(theme), base, NO_PLUGINS, "en");

        assertThat(messages.get("en", "t")).isEqualTo("Theme EN");
        assertThat(messages.get("de", "t")).isEqualTo("Basis DE");
    }

    @Test
    void formatsArgumentsWithTheLanguagesRules() {
        ResourceLayer base = new ResourceLayer() {
            @Override
            public Optional<URL> find(String relativePath) {
                return Optional.ofNullable(getClass().getClassLoader().getResource("themes/default/" + relativePath));
            }
        };
        Messages messages = new Messages(List.of(), base, NO_PLUGINS, "en");

        assertThat(messages.get("en", "cart.items", 0)).isEqualTo("no items");
        assertThat(messages.get("en", "cart.items", 1)).isEqualTo("one item");
        assertThat(messages.get("en", "cart.items", 1200)).isEqualTo("1,200 items");
        assertThat(messages.get("cs", "cart.items", 3)).isEqualTo("3 položky");
        assertThat(messages.get("cs", "cart.items", 7)).isEqualTo("7 položek");
        assertThat(messages.get("sk", "cart.items", 7)).isEqualTo("7 položiek");
        assertThat(messages.get("de", "cart.items", 1200)).isEqualTo("1.200 Artikel");
        assertThat(messages.get("da", "home.hero.title")).isEqualTo("Find dit domæne");
    }
}
