package org.kontor.host.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every {@code admin.} message is in all five languages, and every key the admin templates name exists. */
class AdminMessagesTest {

    private static final Path THEME = Path.of("..", "themes", "default");
    private static final List<String> LANGUAGES = List.of("en", "da", "de", "cs", "sk");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("(?:msg\\(|key=)\"(admin\\.[a-z0-9.-]*[a-z0-9])\"");

    @Test
    void everyKeyIsInEveryLanguageAndNotBlank() throws IOException {
        Set<String> english = keys(load("en"));
        assertThat(english).hasSizeGreaterThan(60);
        for (String language : LANGUAGES) {
            Properties messages = load(language);
            assertThat(keys(messages)).as(language).isEqualTo(english);
            english.forEach(key -> assertThat(messages.getProperty(key)).as(language + " " + key).isNotBlank());
        }
    }

    @Test
    void everyKeyTheTemplatesNameExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(THEME.resolve("templates").resolve("admin"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ftlh")).toList()) {
                Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        // Keys the templates put together from what the pages send.
        List.of("released", "rejected").forEach(done -> used.add("admin.clearing.done." + done));
        used.add("admin.clearing.error.note-required");
        List.of("installed", "enabled", "disabled").forEach(done -> used.add("admin.plugins.done." + done));
        List.of("no-file", "too-large", "refused").forEach(error -> used.add("admin.plugins.error." + error));
        List.of("billing", "note", "saved").forEach(done -> used.add("admin.customer.done." + done));
        used.add("admin.customer.error.note");
        used.add("admin.domain.done.synced");
        List.of("no-registry", "registry-failed", "not-at-registry").forEach(error -> used.add("admin.domain.error." + error));
        List.of("enabled", "disabled").forEach(done -> used.add("admin.tlds.done." + done));
        List.of("added", "saved").forEach(done -> used.add("admin.tld.done." + done));
        List.of("REGISTER", "RENEW", "TRANSFER", "RESTORE").forEach(op -> used.add("admin.tld.operation." + op));
        List.of("SUNRISE", "PRE_REGISTRATION", "GENERAL_AVAILABILITY").forEach(phase -> used.add("admin.tld.phase." + phase));
        used.add("admin.product.done.saved");
        List.of("added", "saved", "deleted").forEach(done -> used.add("admin.tld-groups.done." + done));
        used.add("admin.voucher.done.saved");
        List.of("created", "enabled", "disabled").forEach(done -> used.add("admin.vouchers.done." + done));
        List.of("active", "disabled", "scheduled", "expired", "used-up").forEach(s -> used.add("admin.vouchers.status." + s));
        assertThat(used).hasSizeGreaterThan(40);
        assertThat(keys(load("en"))).containsAll(used);
    }

    /** The field errors the catalog, product and voucher pages show, as {@code form.error.<code>}. */
    @Test
    void everyFieldErrorTheAdminFormsShowIsInEveryLanguage() throws IOException {
        Set<String> codes = new TreeSet<>();
        Pattern call = Pattern.compile("errors\\.add\\((\"[^\"]*\"|[^,]*?\\)|[^,]*), (.*?)\\);");
        Pattern literal = Pattern.compile("\"([a-z][a-z-]*)\"");
        try (Stream<Path> files = Files.list(Path.of("src", "main", "java", "org", "kontor", "host", "admin"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("(Tld|TldGroup|Addon|Voucher)AdminPages\\.java")).toList()) {
                Matcher calls = call.matcher(Files.readString(file));
                while (calls.find()) {
                    // the code is a literal after the field; the third argument, when given, is not a literal code
                    Matcher codesIn = literal.matcher(calls.group(2).split(", Integer")[0]);
                    while (codesIn.find()) {
                        codes.add(codesIn.group(1));
                    }
                }
            }
        }
        assertThat(codes).contains("years-range", "phase-overlap", "voucher-code", "period-months", "required", "group-member");
        for (String language : LANGUAGES) {
            Properties messages = load(language);
            codes.forEach(c -> assertThat(messages.getProperty("form.error." + c)).as(language + " form.error." + c).isNotBlank());
        }
    }

    private static Set<String> keys(Properties messages) {
        Set<String> keys = new TreeSet<>();
        messages.stringPropertyNames().stream().filter(key -> key.startsWith("admin.")).forEach(keys::add);
        return keys;
    }

    private static Properties load(String language) throws IOException {
        Properties messages = new Properties();
        try (Reader reader = Files.newBufferedReader(THEME.resolve("messages").resolve("messages_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        return messages;
    }
}
