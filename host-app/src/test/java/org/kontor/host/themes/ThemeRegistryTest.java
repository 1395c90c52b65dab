package org.kontor.host.themes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThemeRegistryTest {

    @TempDir
    Path themes;

    private ThemeRegistry registry(Path folder) {
        return new ThemeRegistry(folder, getClass().getClassLoader());
    }

    @Test
    void missingFolderStillHasTheBuiltInDefaultTheme() {
        ThemeRegistry registry = registry(themes.resolve("does-not-exist"));

        assertThat(registry.all()).extracting(Theme::name).containsExactly("default");
        assertThat(registry.chain("default")).extracting(Theme::name).containsExactly("default");
        assertThat(registry.find("default").orElseThrow().files().find("templates/index.ftlh")).isPresent();
    }

    @Test
    void chainRunsFromTheThemeThroughItsParentsToDefault() {
        TestThemes.addTheme(themes, "base", "default");
        TestThemes.addTheme(themes, "brand", "base");
        TestFiles.write(themes, "not-a-theme/readme.txt", "no theme.properties here");

        ThemeRegistry registry = registry(themes);

        assertThat(registry.chain("brand")).extracting(Theme::name).containsExactly("brand", "base", "default");
        assertThat(registry.find("brand").orElseThrow().displayName()).isEqualTo("brand");
        assertThat(registry.find("not-a-theme")).isEmpty();
    }

    @Test
    void repositoryThemesLoadAndTheDiskCopyOfDefaultIsIgnored() {
        ThemeRegistry registry = registry(Path.of("../themes"));

        assertThat(registry.chain("nordlys")).extracting(Theme::name).containsExactly("nordlys", "default");
        assertThat(registry.find("nordlys").orElseThrow().displayName()).isEqualTo("Nordlys");
        assertThat(registry.find("default").orElseThrow().files().find("theme.properties").orElseThrow().toString())
                .doesNotContain("../themes");
    }

    @Test
    void parentCycleIsAClearError() {
        TestThemes.addTheme(themes, "alpha", "beta");
        TestThemes.addTheme(themes, "beta", "alpha");

        assertThatThrownBy(() -> registry(themes))
                .isInstanceOf(ThemeException.class)
                .hasMessageContaining("cycle")
                .hasMessageContaining("alpha -> beta -> alpha");
    }

    @Test
    void missingParentIsAClearError() {
        TestThemes.addTheme(themes, "orphan", "vanished");

        assertThatThrownBy(() -> registry(themes))
                .isInstanceOf(ThemeException.class)
                .hasMessageContaining("'orphan'")
                .hasMessageContaining("'vanished'");
    }

    @Test
    void unknownThemeIsAClearError() {
        assertThatThrownBy(() -> registry(themes).chain("nope")).isInstanceOf(ThemeException.class).hasMessageContaining("nope");
    }
}
