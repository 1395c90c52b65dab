package org.kontor.host.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text in the storefront is readable in every shipped theme: each colour pair the stylesheets put text on has a
 * contrast ratio of at least 4.5:1 (WCAG 2.x, AA for normal text), and the focus ring stands out from the page
 * background by 3:1 or more with its dark outer ring. A theme inherits the default theme's colours it does not set.
 */
class ThemeContrastTest {

    private static final Path THEMES = Path.of("..", "themes");
    private static final Pattern PROPERTY = Pattern.compile("(--k-[a-z-]+)\\s*:\\s*([^;]+);");
    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{6})\\b");

    /** Foreground on background, as kontor.css and search.css use them. */
    private static final List<String[]> TEXT_PAIRS = List.of(
            new String[] {"--k-text", "--k-bg"}, new String[] {"--k-muted", "--k-bg"},
            new String[] {"--k-text", "--k-surface"}, new String[] {"--k-muted", "--k-surface"},
            new String[] {"--k-primary", "--k-bg"}, new String[] {"--k-primary", "--k-surface"},
            new String[] {"--k-accent", "--k-bg"}, new String[] {"--k-primary-text", "--k-accent"},
            new String[] {"--k-header-text", "--k-header-bg"});

    @ParameterizedTest
    @ValueSource(strings = {"default", "nordlys"})
    void everyTextColourPairHasAContrastOfAtLeastFourAndAHalf(String theme) throws IOException {
        Map<String, String> colours = colours(theme);
        List<String> failures = new ArrayList<>();
        for (String[] pair : TEXT_PAIRS) {
            check(failures, pair[0] + " on " + pair[1], hex(colours, pair[0]), hex(colours, pair[1]), 4.5);
        }
        // hero text on every stop of the hero's gradient
        Matcher stops = HEX.matcher(colours.get("--k-hero-bg"));
        int count = 0;
        while (stops.find()) {
            check(failures, "--k-hero-text on hero stop #" + stops.group(1), hex(colours, "--k-hero-text"),
                    stops.group(1), 4.5);
            count++;
        }
        assertThat(count).as("hero gradient stops").isPositive();
        check(failures, "skip link (#000) on --k-focus", "000000", hex(colours, "--k-focus"), 4.5);
        // the focus ring: yellow outline with the text colour around it; one of them stands out from the page
        double ring = Math.max(ratio(hex(colours, "--k-focus"), hex(colours, "--k-bg")),
                ratio(hex(colours, "--k-text"), hex(colours, "--k-bg")));
        if (ring < 3.0) {
            failures.add("focus ring on --k-bg: " + ring);
        }
        assertThat(failures).as(theme).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "nordlys"})
    void theRatioIsComputedAsWcagDefinesIt(String ignored) {
        assertThat(ratio("000000", "ffffff")).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(ratio("777777", "ffffff")).isCloseTo(4.48, org.assertj.core.data.Offset.offset(0.01));
        assertThat(ratio("ffffff", "ffffff")).isEqualTo(1.0);
    }

    private static void check(List<String> failures, String what, String foreground, String background, double least) {
        double ratio = ratio(foreground, background);
        if (ratio < least) {
            failures.add(what + ": #" + foreground + " on #" + background + " is " + String.format("%.2f", ratio)
                    + ":1, needs " + least);
        }
    }

    /** The theme's custom properties over the default theme's. */
    private static Map<String, String> colours(String theme) throws IOException {
        Map<String, String> colours = new LinkedHashMap<>(read("default"));
        if (!theme.equals("default")) {
            colours.putAll(read(theme));
        }
        return colours;
    }

    private static Map<String, String> read(String theme) throws IOException {
        String css = Files.readString(THEMES.resolve(theme).resolve("static/css/theme.css"));
        Map<String, String> properties = new LinkedHashMap<>();
        Matcher matcher = PROPERTY.matcher(css);
        while (matcher.find()) {
            properties.put(matcher.group(1), matcher.group(2).strip());
        }
        return properties;
    }

    private static String hex(Map<String, String> colours, String property) {
        String value = colours.get(property);
        assertThat(value).as(property).isNotNull();
        Matcher matcher = HEX.matcher(value);
        assertThat(matcher.find()).as(property + " is a #rrggbb colour: " + value).isTrue();
        return matcher.group(1);
    }

    static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(i * 2, i * 2 + 2), 16) / 255.0;
            rgb[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }
}
