package org.kontor.host.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kontor.api.analytics.AnalyticsProvider;
import org.kontor.api.analytics.TrackedPage;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;

/** A provider that fails is left out of the page and the policy; the others still count. */
class AnalyticsProvidersTest {

    private static final TrackedPage PAGE = new TrackedPage("shop.example", "/", "en", true);

    private record Working(String snippet, List<String> origins) implements AnalyticsProvider {
        @Override
        public String providerId() {
            return "working";
        }

        @Override
        public Optional<String> headSnippet(TrackedPage page) {
            return page.trackingAllowed() ? Optional.of(snippet) : Optional.empty();
        }

        @Override
        public List<String> sources() {
            return origins;
        }
    }

    private static final class Broken implements AnalyticsProvider {
        @Override
        public String providerId() {
            return "broken";
        }

        @Override
        public Optional<String> headSnippet(TrackedPage page) {
            throw new IllegalStateException("settings unreadable");
        }

        @Override
        public List<String> sources() {
            throw new IllegalStateException("settings unreadable");
        }
    }

    /** A provider written against API 1.5.0 names no sources: the default. */
    private static final class Older implements AnalyticsProvider {
        @Override
        public String providerId() {
            return "older";
        }

        @Override
        public Optional<String> headSnippet(TrackedPage page) {
            return Optional.empty();
        }
    }

    private static AnalyticsProviders of(AnalyticsProvider... providers) {
        return new AnalyticsProviders(new Extensions() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> List<Contribution<T>> of(Class<T> extensionPoint) {
                return java.util.Arrays.stream(providers)
                        .map(provider -> new Contribution<>("plugin-" + provider.providerId(), (T) provider)).toList();
            }
        });
    }

    @Test
    void aFailingProviderIsLeftOutAndTheOthersStay() {
        AnalyticsProviders providers = of(new Broken(), new Working("<script src=\"/a.js\"></script>",
                List.of("https://a.example")), new Older(), new Working("<script src=\"/b.js\"></script>", List.of()));

        assertThat(providers.headSnippets(PAGE)).isEqualTo("<script src=\"/a.js\"></script>\n<script src=\"/b.js\"></script>");
        assertThat(providers.headSnippets(new TrackedPage("shop.example", "/", "en", false))).isEmpty();
        assertThat(providers.sources()).containsExactly("https://a.example");
        assertThat(providers.anyConfigured()).isTrue();
        assertThat(of(new Older(), new Broken()).anyConfigured()).as("no provider names a source: no banner").isFalse();
    }
}
