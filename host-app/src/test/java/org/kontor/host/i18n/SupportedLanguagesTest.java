package org.kontor.host.i18n;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SupportedLanguagesTest {

    private final SupportedLanguages languages = SupportedLanguages.standard();

    @Test
    void bestMatchHonoursWeightsAndRegions() {
        assertThat(languages.bestMatch("de-AT")).map(Language::code).hasValue("de");
        assertThat(languages.bestMatch("en;q=0.3, sk;q=0.7, cs;q=0.5")).map(Language::code).hasValue("sk");
        assertThat(languages.bestMatch("*;q=0.5, da;q=0.6")).map(Language::code).hasValue("da");
        assertThat(languages.bestMatch("da;q=0")).isEmpty();
        assertThat(languages.bestMatch("fr-FR, it")).isEmpty();
        assertThat(languages.bestMatch("de;q=abc")).isEmpty();
        assertThat(languages.bestMatch(null)).isEmpty();
    }

    @Test
    void fiveLanguagesWithNativeNamesAndEnglishDefault() {
        assertThat(languages.languages()).extracting(Language::code).containsExactly("en", "da", "de", "cs", "sk");
        assertThat(languages.find("CS")).map(Language::nativeName).hasValue("Čeština");
        assertThat(languages.defaultLanguage().code()).isEqualTo("en");
    }
}
