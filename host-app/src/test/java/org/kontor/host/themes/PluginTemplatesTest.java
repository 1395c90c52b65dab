package org.kontor.host.themes;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Templates, messages and assets of plugins, and their override by a theme. */
class PluginTemplatesTest {

    @TempDir
    Path pluginRoot;
    private FakePluginResources plugins;

    @BeforeEach
    void plugin() {
        TestFiles.write(pluginRoot, "templates/prepaid-account/balance.ftlh", """
                <#import "/layout.ftlh" as layout>
                <@layout.page title=msg("p.prepaid-account.title")>
                <p class="plugin-balance">${msg("p.prepaid-account.balance", page.amount)}</p>
                </@layout.page>
                """);
        TestFiles.write(pluginRoot, "messages/prepaid-account/messages_en.properties",
                "p.prepaid-account.title=Prepaid account\np.prepaid-account.balance=Your balance is {0}\n");
        TestFiles.write(pluginRoot, "messages/prepaid-account/messages_da.properties",
                "p.prepaid-account.title=Forudbetalt konto\np.prepaid-account.balance=Din saldo er {0}\n");
        TestFiles.write(pluginRoot, "static/prepaid-account/balance.css", ".plugin-balance{}");
        plugins = new FakePluginResources().start("prepaid-account", pluginRoot);
    }

    @Test
    void pluginHandlerRendersItsOwnTemplateInsideTheThemeLayout() throws Exception {
        try (TestSite site = new TestSite(null, "default", plugins)) {
            HttpResponse<String> english = site.get("/balance");
            assertThat(english.statusCode()).isEqualTo(200);
            assertThat(english.body()).contains("<p class=\"plugin-balance\">Your balance is 12.50 EUR</p>", "skip-link", "<title>Prepaid account");

            assertThat(site.get("/balance?lang=da").body()).contains("Din saldo er 12.50 EUR");
            assertThat(site.get("/balance?lang=de").body()).as("falls back to English").contains("Your balance is 12.50 EUR");

            HttpResponse<String> css = site.get("/assets/p/prepaid-account/balance.css");
            assertThat(css.statusCode()).isEqualTo(200);
            assertThat(css.body()).isEqualTo(".plugin-balance{}");
        }
    }

    @Test
    void themeOverridesPluginTemplateAndAsset() throws Exception {
        Path themes = TestThemes.folderWith("custom",
                "templates/p/prepaid-account/balance.ftlh", "<p class=\"themed\">${page.amount}</p>",
                "static/p/prepaid-account/balance.css", ".themed{}");
        try (TestSite site = new TestSite(themes, "custom", plugins)) {
            assertThat(site.get("/balance").body()).isEqualTo("<p class=\"themed\">12.50 EUR</p>");
            assertThat(site.get("/assets/p/prepaid-account/balance.css").body()).isEqualTo(".themed{}");
        }
    }

    @Test
    void pluginFilesDisappearWhenThePluginStops() throws Exception {
        try (TestSite site = new TestSite(null, "default", plugins)) {
            assertThat(site.get("/balance").statusCode()).isEqualTo(200);

            plugins.stop("prepaid-account");
            site.web.pluginsChanged();

            HttpResponse<String> balance = site.get("/balance");
            assertThat(balance.statusCode()).isEqualTo(500);
            assertThat(balance.body()).contains("Something went wrong").doesNotContain("Your balance", "freemarker", "Exception");
            assertThat(site.get("/assets/p/prepaid-account/balance.css").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void pluginMessageKeysOfStoppedPluginsAreNotResolved() throws Exception {
        Path themes = TestThemes.folderWith("msgs", "templates/m.ftlh", "${msg(\"p.prepaid-account.title\")}");
        try (TestSite site = new TestSite(themes, "msgs", plugins)) {
            assertThat(site.get("/t/m").body()).isEqualTo("Prepaid account");
            plugins.stop("prepaid-account");
            site.web.pluginsChanged();
            assertThat(site.get("/t/m").body()).isEqualTo("p.prepaid-account.title");
        }
    }

    @Test
    void relativeNamesResolveAgainstThePluginOnlyWhileItsHandlerRuns() {
        assertThat(ThemeRenderer.templateName("balance.ftlh", "prepaid-account")).isEqualTo("p/prepaid-account/balance.ftlh");
        assertThat(ThemeRenderer.templateName("/index.ftlh", "prepaid-account")).isEqualTo("index.ftlh");
        assertThat(ThemeRenderer.templateName("p/other/x.ftlh", "prepaid-account")).isEqualTo("p/other/x.ftlh");
        assertThat(ThemeRenderer.templateName("index.ftlh", null)).isEqualTo("index.ftlh");
        assertThat(Files.exists(pluginRoot)).isTrue();
    }
}
