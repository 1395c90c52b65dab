package org.kontor.host.themes;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The nordlys theme over the default theme, and serving of static assets. */
class ThemeOverrideAndAssetsTest {

    private static final Path REPO_THEMES = Path.of("../themes");

    @Test
    void nordlysOverridesHeaderColoursAndMessagesAndInheritsTheRest() throws Exception {
        try (TestSite site = new TestSite(REPO_THEMES, "nordlys", new FakePluginResources())) {
            String home = site.get("/?lang=en").body();
            assertThat(home)
                    .contains("nordlys-header", "Under the northern lights", "Your domain under the northern lights")
                    .contains("One account for everything online", "skip-link", "name=\"q\"");

            String german = site.get("/?lang=de").body();
            assertThat(german).contains("Ihre Domain unter dem Nordlicht", "Unter dem Nordlicht", "Kundencenter");

            HttpResponse<String> themeCss = site.get("/assets/css/theme.css");
            assertThat(themeCss.statusCode()).isEqualTo(200);
            assertThat(themeCss.body()).contains("--k-bg: #0b1020").doesNotContain("#1547a8");
            assertThat(site.get("/assets/css/kontor.css").body()).contains(".hero", "var(--k-hero-bg)");
        }
    }

    @Test
    void defaultThemeHasNoNordlysParts() throws Exception {
        try (TestSite site = new TestSite(REPO_THEMES, "default", new FakePluginResources())) {
            assertThat(site.get("/").body()).doesNotContain("nordlys").contains("Find your domain");
            assertThat(site.get("/assets/css/theme.css").body()).contains("--k-primary: #1547a8");
        }
    }

    @Test
    void switchingTheActiveThemeTakesEffectOnTheNextRequest() throws Exception {
        try (TestSite site = new TestSite(REPO_THEMES, "default", new FakePluginResources())) {
            assertThat(site.get("/").body()).doesNotContain("nordlys-header");
            site.activeTheme.set("nordlys");
            assertThat(site.get("/").body()).contains("nordlys-header");
            site.activeTheme.set("not-installed");
            assertThat(site.get("/").body()).doesNotContain("nordlys-header").contains("Find your domain");
        }
    }

    @Test
    void assetsHaveContentTypeAndCacheHeaders() throws Exception {
        Path themes = TestThemes.folderWith("pics", "static/img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
                "static/data.bin", "x");
        try (TestSite site = new TestSite(themes, "pics", new FakePluginResources())) {
            HttpResponse<String> css = site.get("/assets/css/kontor.css");
            assertThat(css.statusCode()).isEqualTo(200);
            assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
            assertThat(css.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");

            HttpResponse<String> svg = site.get("/assets/img/logo.svg");
            assertThat(svg.statusCode()).isEqualTo(200);
            assertThat(svg.headers().firstValue("Content-Type")).hasValue("image/svg+xml");

            assertThat(site.get("/assets/data.bin").headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        }
    }

    @Test
    void refusesTraversalDirectoriesAndMissingFiles() throws Exception {
        Path themes = TestThemes.folderWith("plain", "static/css/own.css", "p{}");
        TestFiles.write(themes, "secret.txt", "top secret");
        try (TestSite site = new TestSite(themes, "plain", new FakePluginResources())) {
            assertThat(site.get("/assets/css/own.css").statusCode()).isEqualTo(200);
            for (String path : new String[]{
                    "/assets/css", "/assets/css/", "/assets/img/none.png", "/assets/",
                    "/assets/%2e%2e/theme.properties", "/assets/css/%2e%2e/%2e%2e/theme.properties",
                    "/assets/..%2f..%2fsecret.txt", "/assets/css/..%5c..%5ctheme.properties",
                    "/assets/%252e%252e/theme.properties"}) {
                HttpResponse<String> response = site.get(path);
                assertThat(response.statusCode()).as(path).isEqualTo(404);
                assertThat(response.body()).as(path).doesNotContain("top secret", "parent=");
            }
            // Paths that climb above the root are refused by Jetty itself (400) before any handler runs.
            for (String path : new String[]{"/assets/../../secret.txt", "/assets/css/%2E%2E/%2E%2E/%2E%2E/secret.txt"}) {
                HttpResponse<String> response = site.get(path);
                assertThat(response.statusCode()).as(path).isIn(400, 404);
                assertThat(response.body()).as(path).doesNotContain("top secret");
            }
        }
    }

    @Test
    void relativePathCheckRejectsEveryEscape() {
        assertThat(RelativePaths.clean("css/kontor.css")).hasValue("css/kontor.css");
        for (String bad : new String[]{"", "/etc/passwd", "../x", "a/../../x", "a/./b", "a//b", "a\\..\\b",
                "c:/windows", "a/%2e%2e/b", "a/", "a\u0000b"}) {
            assertThat(RelativePaths.clean(bad)).as(bad).isEmpty();
        }
    }
}
