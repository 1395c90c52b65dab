package org.kontor.host.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The themes' message files: a key defined twice would silently show the later text on the earlier key's page. */
class MessageFilesTest {

    @Test
    void noMessageFileDefinesAKeyTwice() throws IOException {
        List<String> twice = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> paths = Files.walk(Path.of("..", "themes"))) {
            files = paths.filter(path -> path.getFileName().toString().matches("messages_[a-z]{2}\\.properties")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Set<String> seen = new HashSet<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#") || !text.contains("=")) {
                    continue;
                }
                String key = text.substring(0, text.indexOf('=')).strip();
                if (!seen.add(key)) {
                    twice.add(file + ": " + key);
                }
            }
        }
        assertThat(twice).isEmpty();
    }
}
