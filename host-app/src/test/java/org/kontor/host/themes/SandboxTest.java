package org.kontor.host.themes;

import freemarker.template.TemplateException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A third-party theme cannot reach Java: no ?new, no ?api, no getClass. */
class SandboxTest {

    private ActiveTheme theme;
    private Path themes;

    @BeforeEach
    void evilTheme() {
        themes = TestThemes.folderWith("evil",
                "templates/ok.ftlh", "${page.person.name}",
                "templates/new.ftlh", "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}",
                "templates/touch.ftlh", "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"touch \" + page.marker)}",
                "templates/objconst.ftlh", "<#assign oc = \"freemarker.template.utility.ObjectConstructor\"?new()>${oc(\"java.io.File\", \"/\")}",
                "templates/api.ftlh", "${page.list?api.size()}",
                "templates/class.ftlh", "${page.person.class.name}",
                "templates/getclass.ftlh", "${page.person.getClass().name}",
                "templates/statics.ftlh", "${statics[\"java.lang.System\"].getProperty(\"user.home\")}");
        ThemeRegistry registry = new ThemeRegistry(themes, getClass().getClassLoader());
        theme = new ThemeEngine(registry, new FakePluginResources(), () -> "evil", Duration.ofSeconds(5)).active();
    }

    private String render(String template) throws Exception {
        return theme.render(template, Map.of("page", Map.of("person", new Person("Ada"), "list", List.of(1, 2))));
    }

    @Test
    void recordsAreReadableAsProperties() throws Exception {
        assertThat(render("ok.ftlh")).isEqualTo("Ada");
    }

    @Test
    void newBuiltInResolvesNothing() {
        assertThatThrownBy(() -> render("new.ftlh")).isInstanceOf(TemplateException.class).hasMessageContaining("Execute");
        assertThatThrownBy(() -> render("objconst.ftlh")).isInstanceOf(TemplateException.class);
    }

    @Test
    void executeRunsNothing() throws Exception {
        Path marker = Files.createTempDirectory("sandbox").resolve("executed");

        assertThatThrownBy(() -> theme.render("touch.ftlh", Map.of("page", Map.of("marker", marker.toString()))))
                .isInstanceOf(TemplateException.class);

        Thread.sleep(200);
        assertThat(marker).as("no command ran").doesNotExist();
    }

    @Test
    void apiBuiltInIsDisabled() {
        assertThatThrownBy(() -> render("api.ftlh")).isInstanceOf(TemplateException.class).hasMessageContaining("api");
    }

    @Test
    void getClassIsNotReachable() {
        assertThatThrownBy(() -> render("class.ftlh")).isInstanceOf(TemplateException.class);
        assertThatThrownBy(() -> render("getclass.ftlh")).isInstanceOf(TemplateException.class);
    }

    @Test
    void noStaticModels() {
        assertThatThrownBy(() -> render("statics.ftlh")).isInstanceOf(TemplateException.class);
    }

    @Test
    void failingTemplateShowsFriendlyPageWithoutStackTrace() throws Exception {
        try (TestSite site = new TestSite(themes, "evil", new FakePluginResources())) {
            HttpResponse<String> response = site.get("/t/new");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("Something went wrong", "Back to the home page")
                    .doesNotContain("uid=", "Exception", "freemarker", "FTL stack trace");
            assertThat(site.get("/t/ok").body()).isEqualTo("Ada");
        }
    }
}
