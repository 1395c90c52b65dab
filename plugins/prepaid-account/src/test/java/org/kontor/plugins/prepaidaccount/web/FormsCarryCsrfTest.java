package org.kontor.plugins.prepaidaccount.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every state-changing form of the plugin's pages posts the session's CSRF token: the host refuses a form post of a
 * browser session without it (403). A GET form (a filter) changes nothing and needs none.
 */
class FormsCarryCsrfTest {

    private static final Path TEMPLATES = Path.of("src", "main", "resources", "templates", "prepaid-account");
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final String FIELD = "<input type=\"hidden\" name=\"_csrf\" value=\"${csrfToken";

    @Test
    void everyPostFormHasTheCsrfField() throws IOException {
        List<String> postForms = new ArrayList<>();
        List<String> without = new ArrayList<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ftlh")).sorted().toList()) {
                Matcher form = FORM.matcher(Files.readString(file));
                while (form.find()) {
                    String attributes = form.group(1).toLowerCase(Locale.ROOT);
                    if (!attributes.contains("method=\"post\"")) {
                        assertThat(attributes).as(file + ": a form without method posts nothing").contains("method=\"get\"");
                        continue;
                    }
                    String name = file.getFileName() + " " + form.group(1).strip();
                    postForms.add(name);
                    if (!form.group(2).contains(FIELD)) {
                        without.add(name);
                    }
                }
            }
        }
        assertThat(postForms).hasSizeGreaterThanOrEqualTo(12);
        assertThat(without).isEmpty();
    }
}
