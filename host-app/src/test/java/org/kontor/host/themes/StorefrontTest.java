package org.kontor.host.themes;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The default theme over real HTTP: languages, locale resolution, layout, error page. */
class StorefrontTest {

    private TestSite site;

    @BeforeEach
    void start() {
        site = new TestSite(Path.of("../themes"), "default", new FakePluginResources());
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @ParameterizedTest
    @CsvSource({
            "en, Find your domain, Customer center",
            "da, Find dit domæne, Kundecenter",
            "de, Finden Sie Ihre Domain, Kundencenter",
            "cs, Najděte svou doménu, Zákaznické centrum",
            "sk, Nájdite svoju doménu, Zákaznícke centrum"})
    void homeSpeaksEachLanguage(String lang, String heroTitle, String customerCenter) throws Exception {
        HttpResponse<String> response = site.get("/?lang=" + lang);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body())
                .contains("<html lang=\"" + lang + "\">")
                .contains(heroTitle)
                .contains(customerCenter)
                .contains("action=\"/search\"")
                .contains("name=\"q\"")
                .contains("href=\"/?lang=" + lang + "\" lang=\"" + lang + "\" hreflang=\"" + lang + "\" aria-current=\"true\"");
    }

    @Test
    void homeHasSkipLinkStylesAndSwitcherForAllLanguages() throws Exception {
        String body = site.get("/").body();

        assertThat(body)
                .contains("<a class=\"skip-link\" href=\"#main\">Skip to main content</a>")
                .contains("<main id=\"main\"")
                .contains("<label for=\"domain-q\">Domain name</label>")
                .contains("href=\"/assets/css/kontor.css\"")
                .contains("href=\"/assets/css/theme.css\"")
                .contains("Dansk", "Deutsch", "Čeština", "Slovenčina")
                .containsSubsequence("kontor.css", "theme.css");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fr;q=1, de-AT;q=0.8, da;q=0.5, en;q=0.1 | de",
            "da;q=0.2, cs;q=0.9, en;q=0.5           | cs",
            "sk-SK                                   | sk",
            "fr, it;q=0.5                            | en",
            "en;q=0, da;q=0.1                        | da"})
    void acceptLanguageHonoursQValues(String acceptLanguage, String expected) throws Exception {
        String body = site.get("/", "Accept-Language", acceptLanguage).body();

        assertThat(body).contains("<html lang=\"" + expected + "\">");
    }

    @Test
    void languageSwitchIsRememberedInACookie() throws Exception {
        HttpResponse<String> switched = site.get("/?lang=cs", "Accept-Language", "de");

        String cookie = switched.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("kontor_lang=")).findFirst().orElseThrow();
        assertThat(cookie).startsWith("kontor_lang=cs;").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(switched.body()).contains("<html lang=\"cs\">");

        String remembered = site.get("/", "Cookie", "kontor_lang=cs", "Accept-Language", "de").body();
        assertThat(remembered).contains("<html lang=\"cs\">");

        HttpResponse<String> plain = site.get("/", "Accept-Language", "de");
        assertThat(plain.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("kontor_lang="));
        assertThat(plain.body()).contains("<html lang=\"de\">");
    }

    @Test
    void unsupportedLanguageParameterIsIgnored() throws Exception {
        HttpResponse<String> response = site.get("/?lang=xx", "Accept-Language", "da");

        assertThat(response.body()).contains("<html lang=\"da\">");
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("kontor_lang="));
    }

    @Test
    void errorPageIsTranslatedAndFriendly() throws Exception {
        HttpResponse<String> response = site.get("/missing?lang=de");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Seite nicht gefunden", "Zurück zur Startseite", ">404<");
    }

    @Test
    void modelValuesAreHtmlEscaped() throws Exception {
        Path themes = TestThemes.folderWith("escape", "templates/hello.ftlh", "<p>${page.person.name}</p>");
        try (TestSite escaping = new TestSite(themes, "escape", new FakePluginResources())) {
            String body = escaping.get("/t/hello?who=%3Cscript%3Ealert(1)%3C/script%3E").body();

            assertThat(body).contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>").doesNotContain("<script>");
        }
    }
}
