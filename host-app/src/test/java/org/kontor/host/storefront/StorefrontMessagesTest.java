package org.kontor.host.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kontor.api.domain.InvalidDomainNameException;

/**
 * Every {@code storefront.} and {@code search.} message is in all five languages, and every such key the storefront's
 * templates or code name exists, including one per reason a searched name can be refused for.
 */
class StorefrontMessagesTest {

    private static final Path THEME = Path.of("..", "themes", "default");
    private static final List<String> LANGUAGES = List.of("en", "da", "de", "cs", "sk");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("msg\\(\"((?:storefront|search)\\.[a-z0-9.-]*[a-z0-9])\"\\s*[,)]");

    @Test
    void everyKeyIsInEveryLanguageAndNotBlank() throws IOException {
        Set<String> english = keys(load("en"));
        assertThat(english).hasSizeGreaterThan(40);
        for (String language : LANGUAGES) {
            Properties messages = load(language);
            Set<String> keys = keys(messages);
            assertThat(keys).as(language).isEqualTo(english);
            keys.forEach(key -> assertThat(messages.getProperty(key)).as(language + " " + key).isNotBlank());
        }
    }

    @Test
    void everyKeyTheTemplatesAndPagesNameExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(THEME.resolve("templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ftlh")).toList()) {
                Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        for (String status : List.of("available", "taken", "unknown", "refused")) {
            used.add("search.status." + status);
        }
        used.add("search.reason.unknown");
        used.add("search.reason.refused");
        used.add("search.error.group-unknown");
        for (InvalidDomainNameException.Reason reason : InvalidDomainNameException.Reason.values()) {
            used.add("search.error.name-" + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        used.add(new VatDisplay(java.util.Map.of()).rule(java.util.Optional.empty(), false).labelKey());
        used.add("storefront.vat.incl");
        assertThat(used).hasSizeGreaterThan(30);
        List<String> missing = new ArrayList<>();
        for (String language : LANGUAGES) {
            Properties messages = load(language);
            used.stream().filter(key -> messages.getProperty(key) == null).forEach(key -> missing.add(language + ": " + key));
        }
        assertThat(missing).isEmpty();
    }

    private static Set<String> keys(Properties messages) {
        Set<String> keys = new TreeSet<>();
        messages.stringPropertyNames().stream().filter(k -> k.startsWith("storefront.") || k.startsWith("search."))
                .forEach(keys::add);
        return keys;
    }

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(THEME.resolve("messages/messages_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
