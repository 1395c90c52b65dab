package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/FEATURES.md true: every test it names exists, every requirement has one row with a known
 * status, and a row marked done names a test.
 */
class FeatureMapTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern TEST_REFERENCE = Pattern.compile("`([A-Z][A-Za-z]+Test)(?:\\.([a-zA-Z]+))?`");
    private static final Pattern ROW = Pattern.compile("^\\| ((?:PA|EPP|ORD|TEC|BIL|PAY|ADD|CC|ADM|PLT)-\\d+) \\|(.*)$");
    private static final Pattern REQUIREMENT = Pattern.compile("\\b((?:PA|EPP|ORD|TEC|BIL|PAY|ADD|CC|ADM|PLT)-\\d+)\\b");

    @Test
    void everyTestTheFeatureMapNamesExists() throws IOException {
        String features = Files.readString(ROOT.resolve("docs/FEATURES.md"));
        Map<String, String> testSources = testSources();
        List<String> missing = new ArrayList<>();
        Matcher matcher = TEST_REFERENCE.matcher(features);
        while (matcher.find()) {
            String source = testSources.get(matcher.group(1));
            if (source == null) {
                missing.add(matcher.group(1));
            } else if (matcher.group(2) != null && !source.contains("void " + matcher.group(2) + "(")) {
                missing.add(matcher.group(1) + "." + matcher.group(2));
            }
        }
        assertThat(missing).as("tests named in docs/FEATURES.md that do not exist").isEmpty();
    }

    @Test
    void everyRequirementHasOneRowWithAStatusAndDoneRowsNameATest() throws IOException {
        List<String> rows = Files.readAllLines(ROOT.resolve("docs/FEATURES.md"));
        Set<String> seen = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (String row : rows) {
            Matcher matcher = ROW.matcher(row);
            if (!matcher.matches()) {
                continue;
            }
            String id = matcher.group(1);
            String[] cells = matcher.group(2).split(" \\| ");
            if (!seen.add(id)) {
                problems.add(id + " has more than one row");
            }
            String status = cells.length > 1 ? cells[1].strip() : "";
            if (!Set.of("done", "partial", "missing").contains(status)) {
                problems.add(id + " has status '" + status + "'");
            }
            if (status.equals("done") && !TEST_REFERENCE.matcher(row).find()) {
                problems.add(id + " is done but names no test");
            }
        }
        Path requirements = ROOT.resolve("../shared/REQUIREMENTS.md");
        if (Files.isRegularFile(requirements)) {
            Matcher matcher = REQUIREMENT.matcher(Files.readString(requirements));
            while (matcher.find()) {
                if (!seen.contains(matcher.group(1))) {
                    problems.add(matcher.group(1) + " has no row");
                }
            }
        }
        assertThat(seen).hasSizeGreaterThanOrEqualTo(81);
        assertThat(problems).isEmpty();
    }

    private static Map<String, String> testSources() throws IOException {
        Map<String, String> sources = new HashMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(path -> path.toString().contains("/src/test/java/"))
                    .filter(path -> path.toString().endsWith("Test.java"))
                    .filter(path -> !path.toString().contains("/target/")).toList()) {
                String name = file.getFileName().toString();
                sources.put(name.substring(0, name.length() - ".java".length()), Files.readString(file));
            }
        }
        return sources;
    }
}
