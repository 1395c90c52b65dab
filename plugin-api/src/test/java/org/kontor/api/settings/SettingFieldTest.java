package org.kontor.api.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingFieldTest {

    private static SettingField field(SettingType type) {
        return SettingField.of("value", type, "Value", false, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "api.key", "epp-host", "x1", "a.b.c-d9"})
    void validKeys(String key) {
        assertThat(SettingField.text(key, "Label", false).key()).isEqualTo(key);
    }

    @Test
    void keyOf64Accepted65Refused() {
        assertThat(SettingField.text("k" + "a".repeat(63), "L", false).key()).hasSize(64);
        assertThatThrownBy(() -> SettingField.text("k" + "a".repeat(64), "L", false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Api.key", "1key", ".key", "-key", "api_key", "api key", "apiKey", "nøgle"})
    void invalidKeysRefused(String key) {
        assertThatThrownBy(() -> SettingField.text(key, "Label", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + key + "'");
    }

    @Test
    void typeRequired() {
        assertThatThrownBy(() -> new SettingField("key", null, "L", null, false, null, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void labelDefaultsToKey() {
        assertThat(SettingField.text("api.key", null, false).label()).isEqualTo("api.key");
    }

    @Test
    void choiceWithoutChoicesRefused() {
        assertThatThrownBy(() -> SettingField.choice("mode", "Mode", List.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'mode'").hasMessageContaining("CHOICE");
        assertThatThrownBy(() -> SettingField.choice("mode", "Mode", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void choicesAreCopied() {
        List<String> choices = new ArrayList<>(List.of("live", "test"));
        SettingField field = SettingField.choice("mode", "Mode", choices, "test");
        choices.add("other");

        assertThat(field.choices()).containsExactly("live", "test");
        assertThat(field.validate("other")).isPresent();
        assertThat(SettingField.text("k", "K", false).choices()).isEmpty();
    }

    @Test
    void secret() {
        assertThat(SettingField.secret("api.key", "API key", true).isSecret()).isTrue();
        assertThat(SettingField.text("api.key", "API key", true).isSecret()).isFalse();
        assertThat(SettingField.secret("api.key", "API key", true).validate("anything at all")).isEmpty();
    }

    @Test
    void withHelpKeepsEverythingElse() {
        SettingField field = SettingField.choice("mode", "Mode", List.of("a", "b"), "a").withHelp("Pick one");

        assertThat(field.help()).isEqualTo("Pick one");
        assertThat(field).usingRecursiveComparison().ignoringFields("help")
                .isEqualTo(SettingField.choice("mode", "Mode", List.of("a", "b"), "a"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void requiredWithoutDefault(String raw) {
        assertThat(SettingField.text("k", "API key", true).validate(raw)).contains("API key is required");
        assertThat(SettingField.of("k", SettingType.TEXT, "API key", true, "fallback").validate(raw)).isEmpty();
        assertThat(SettingField.text("k", "API key", false).validate(raw)).isEmpty();
        assertThat(SettingField.of("k", SettingType.INTEGER, "Port", false, null).validate(raw)).isEmpty();
    }

    @Test
    void text() {
        assertThat(field(SettingType.TEXT).validate("anything, even 12 or true")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "700", "-1", " 42 ", "9223372036854775807"})
    void integerAccepted(String raw) {
        assertThat(field(SettingType.INTEGER).validate(raw)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "abc", "9223372036854775808", "1e3", "12 34"})
    void integerRefused(String raw) {
        assertThat(field(SettingType.INTEGER).validate(raw)).contains("Value must be a whole number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1.5", "-0.25", "25", "1e3"})
    void decimalAccepted(String raw) {
        assertThat(field(SettingType.DECIMAL).validate(raw)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,5", "abc", "1.2.3", "NaN"})
    void decimalRefused(String raw) {
        assertThat(field(SettingType.DECIMAL).validate(raw)).contains("Value must be a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "false", " true "})
    void booleanAccepted(String raw) {
        assertThat(field(SettingType.BOOLEAN).validate(raw)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "on", "TRUE?", "ja"})
    void booleanRefused(String raw) {
        assertThat(field(SettingType.BOOLEAN).validate(raw)).contains("Value must be true or false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.example.com", "http://localhost:8080/path?q=1", "HTTPS://Example.com"})
    void urlAccepted(String raw) {
        assertThat(field(SettingType.URL).validate(raw)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com", "example.com", "https://", "https:///path", "https://exa mple.com",
            "mailto:a@example.com", "javascript:alert(1)"})
    void urlRefused(String raw) {
        assertThat(field(SettingType.URL).validate(raw)).contains("Value must be an http or https address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@example.com", "first.last@sub.example.dk"})
    void emailAccepted(String raw) {
        assertThat(field(SettingType.EMAIL).validate(raw)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "a@b", "@example.com", "a@@example.com", "a b@example.com"})
    void emailRefused(String raw) {
        assertThat(field(SettingType.EMAIL).validate(raw)).contains("Value must be an e-mail address");
    }

    @Test
    void choice() {
        SettingField field = SettingField.choice("mode", "Mode", List.of("live", "test"), null);

        assertThat(field.validate("live")).isEmpty();
        assertThat(field.validate(" test ")).isEmpty();
        assertThat(field.validate("LIVE")).contains("Mode must be one of live, test");
        assertThat(field.validate("")).contains("Mode is required");
        assertThat(field.required()).isTrue();
    }
}
