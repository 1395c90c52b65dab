package org.kontor.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kontor.host.plugins.TestPlugins;

/**
 * Plugins in a real browser (PLT-2): a staff member uploads the greeter plugin's zip in the admin, its admin page
 * appears in the navigation and answers; disabled it is gone, enabled again it is back. Its settings form is generated
 * from its schema, never shows the saved secret, and what is saved reaches the plugin.
 */
@BrowserTest(host = PluginsBrowserHost.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminPluginsBrowserTest {

    private static final String GREETER_PAGE = "a[data-plugin-page='/admin/p/greeter']";

    @Test
    @Order(1)
    void anAdminUploadsAPluginEnablesItAndItsPageAppears(StorefrontBrowser browser) {
        browser.open("/account/signin?next=/admin/plugins");
        browser.type("#email", PluginsBrowserHost.STAFF_EMAIL).type("#password", PluginsBrowserHost.STAFF_PASSWORD);
        browser.go("form[action='/account/signin'] button[type='submit']");
        assertThat(browser.path()).isEqualTo("/admin/plugins");
        assertThat(browser.has("#plugin-greeter")).isFalse();
        assertThat(browser.has(GREETER_PAGE)).isFalse();

        browser.find("#plugin-zip").sendKeys(TestPlugins.zip("greeter").toAbsolutePath().toString());
        browser.step("zip chosen");
        browser.go("#plugin-upload button[type='submit']");
        assertThat(browser.text("#plugins-done")).contains("greeter");
        assertThat(browser.find("#plugin-greeter").getAttribute("data-state")).isEqualTo("STARTED");
        assertThat(browser.text("#plugin-greeter")).contains(TestPlugins.VERSION);
        assertThat(browser.has(GREETER_PAGE)).isTrue();
        browser.step("installed");

        browser.go("#plugin-greeter button.disable");
        assertThat(browser.find("#plugin-greeter").getAttribute("data-state")).isEqualTo("DISABLED");
        assertThat(browser.has(GREETER_PAGE)).isFalse();
        browser.open("/admin/p/greeter");
        assertThat(browser.pageText()).doesNotContain("greeter admin");
        browser.step("disabled");

        browser.open("/admin/plugins");
        browser.go("#plugin-greeter button.enable");
        assertThat(browser.text("#plugins-done")).contains("greeter");
        assertThat(browser.find("#plugin-greeter").getAttribute("data-state")).isEqualTo("STARTED");
        browser.step("enabled");
        browser.go(GREETER_PAGE);
        assertThat(browser.path()).isEqualTo("/admin/p/greeter");
        assertThat(browser.pageText()).contains("greeter admin");
    }

    @Test
    @Order(2)
    void thePluginsSettingsFormKeepsItsSecret(StorefrontBrowser browser) {
        browser.open("/account/signin?next=/admin/plugins");
        browser.type("#email", PluginsBrowserHost.STAFF_EMAIL).type("#password", PluginsBrowserHost.STAFF_PASSWORD);
        browser.go("form[action='/account/signin'] button[type='submit']");
        if (!browser.has("#plugin-greeter")) {
            browser.find("#plugin-zip").sendKeys(TestPlugins.zip("greeter").toAbsolutePath().toString());
            browser.go("#plugin-upload button[type='submit']");
        }
        if (browser.has("#plugin-greeter button.enable")) {
            browser.go("#plugin-greeter button.enable");
        }
        browser.go("#plugin-greeter a.settings");
        assertThat(browser.path()).isEqualTo("/admin/plugins/greeter/settings");
        assertThat(browser.find("#setting-greeting").getAttribute("value")).isEqualTo("Hello");
        assertThat(browser.find("#setting-api-key").getAttribute("type")).isEqualTo("password");

        browser.type("#setting-greeting", "Hej").type("#setting-api-key", "very-secret-key");
        browser.go("#settings-save");
        assertThat(browser.has("#settings-saved")).isTrue();
        assertThat(browser.find("#setting-greeting").getAttribute("value")).isEqualTo("Hej");
        assertThat(browser.find("#setting-api-key").getAttribute("value")).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain("very-secret-key");
        browser.step("saved");

        browser.open("/p/greeter/hello?name=Kontor");
        assertThat(browser.pageText()).contains("Hej, Kontor!");

        browser.open("/admin/plugins/greeter/settings");
        browser.go("#settings-test");
        assertThat(browser.find("#test-result").getAttribute("data-result")).isEqualTo("not-offered");

        // An emptied field goes back to its default; the saved secret stays.
        browser.type("#setting-greeting", "");
        browser.go("#settings-save");
        assertThat(browser.has("#settings-saved")).isTrue();
        assertThat(browser.find("#setting-greeting").getAttribute("value")).isEqualTo("Hello");
        assertThat(browser.host().pluginSettings().readView("greeter",
                new org.kontor.host.settings.SettingsSchemas(browser.host().plugins()).fieldsOf("greeter")).get("api.key"))
                .isEqualTo(org.kontor.host.settings.PluginSettingsService.SECRET_MARKER);
    }
}
