package org.kontor.host.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kontor.testkit.TestClock;

class PageCacheTest {

    private final TestClock clock = TestClock.at(Instant.parse("2026-11-01T10:00:00Z"));
    private final PageCache cache = new PageCache(clock, Duration.ofSeconds(5), 3);
    private final PageCache.Key home = new PageCache.Key("/?", "da", "DKK", "DK", "default");

    @Test
    void aPageIsServedUntilItsTimeToLivePassed() {
        cache.put(home, "<p>home</p>", cache.generation());
        assertThat(cache.get(home)).contains("<p>home</p>");
        assertThat(cache.get(new PageCache.Key("/?", "de", "DKK", "DK", "default"))).as("another language").isEmpty();
        assertThat(cache.get(new PageCache.Key("/?", "da", "EUR", "DK", "default"))).as("another currency").isEmpty();
        assertThat(cache.get(new PageCache.Key("/?", "da", "DKK", "DK", "nordlys"))).as("another theme").isEmpty();
        assertThat(cache.get(new PageCache.Key("/?", "da", "DKK", "DK", "default", "analytics")))
                .as("a visitor who accepted analytics").isEmpty();
        assertThat(cache.get(new PageCache.Key("/?", "da", "DKK", "DK", "default", "none")))
                .as("a visitor who declined analytics").isEmpty();
        clock.advance(Duration.ofMillis(4_999));
        assertThat(cache.get(home)).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.get(home)).as("the first request after it renders it afresh").isEmpty();
        assertThat(cache.hits()).isEqualTo(2);
    }

    @Test
    void whileOneRequestRendersAnExpiredPageAfreshTheOthersGetTheOldOne() {
        cache.put(home, "<p>old</p>", cache.generation());
        clock.advance(Duration.ofSeconds(5));

        assertThat(cache.get(home)).as("the first renders it").isEmpty();
        assertThat(cache.get(home)).as("the others meanwhile").contains("<p>old</p>");
        assertThat(cache.get(home)).contains("<p>old</p>");
        cache.put(home, "<p>new</p>", cache.generation());
        assertThat(cache.get(home)).contains("<p>new</p>");

        clock.advance(Duration.ofSeconds(5));
        assertThat(cache.get(home)).isEmpty();
        clock.advance(Duration.ofSeconds(5));
        assertThat(cache.get(home)).as("a renderer that never stored its page is replaced after the time to live")
                .isEmpty();
        clock.advance(PageCache.STALE_AT_MOST);
        assertThat(cache.get(home)).as("and no page is served longer than that past its time").isEmpty();
        assertThat(cache.get(home)).isEmpty();
    }

    @Test
    void anInvalidationIsNeverAnsweredWithTheOldPage() {
        cache.put(home, "<p>old</p>", cache.generation());
        clock.advance(Duration.ofSeconds(5));
        assertThat(cache.get(home)).isEmpty();

        cache.invalidate();

        assertThat(cache.get(home)).isEmpty();
        assertThat(cache.get(home)).isEmpty();
    }

    @Test
    void anInvalidationDropsPagesAndRefusesPagesRenderedBeforeIt() {
        long before = cache.generation();
        cache.put(home, "old", before);
        cache.invalidate();
        assertThat(cache.get(home)).isEmpty();
        cache.put(home, "rendered from data read before the change", before);
        assertThat(cache.get(home)).isEmpty();
        cache.put(home, "new", cache.generation());
        assertThat(cache.get(home)).contains("new");
    }

    @Test
    void beyondItsSizeTheCacheStartsAgainAndZeroSecondsTurnsItOff() {
        for (int i = 0; i < 4; i++) {
            cache.put(new PageCache.Key("/search?q=" + i, "en", "EUR", "", "default"), "page " + i, cache.generation());
        }
        assertThat(cache.get(new PageCache.Key("/search?q=0", "en", "EUR", "", "default"))).isEmpty();
        assertThat(cache.get(new PageCache.Key("/search?q=3", "en", "EUR", "", "default"))).contains("page 3");

        PageCache off = new PageCache(clock, Duration.ZERO, 10);
        off.put(home, "x", off.generation());
        assertThat(off.enabled()).isFalse();
        assertThat(off.get(home)).isEmpty();
    }
}
