package org.kontor.host.storefront;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.kontor.host.security.CsrfProtection;
import org.kontor.host.themes.ThemeRenderer;

/**
 * Rendered storefront pages kept for a few seconds ({@code storefront.page-cache-seconds}), for visitors who are not
 * signed in: the home page and search results. The key is everything the page depends on: path and query, language,
 * currency, the country whose VAT is shown, the theme, and the visitor's analytics consent (the consent banner and the
 * analytics snippets depend on it). {@link #invalidate()} drops every page; the host calls it
 * when the catalog, a price, a plugin or a plugin's settings change.
 *
 * <p><b>CSRF tokens.</b> A results page carries add-to-cart forms whose {@code _csrf} field must hold the token of
 * the visitor's own session, so a stored page must never hold one. Pages are therefore rendered for the cache with
 * {@link #TOKEN_SLOT} in place of {@code csrfToken}, and the slot is filled with the requesting visitor's token each
 * time the page is served (a visitor without a session gets one then, exactly as when the page is rendered afresh).
 * The stored text carries no token; every visitor gets their own; the form works without JavaScript. Pages for a
 * signed-in session are neither stored nor served from here: they may show what only that customer should see (their
 * country's VAT, their cart), and they are few next to anonymous traffic.
 *
 * <p>Entries older than the time to live are replaced when next asked for: the first request renders the page
 * afresh while the others are served the page it replaces, for at most {@link #STALE_AT_MOST} (so a search page whose
 * registries take a second to answer does not make every concurrent visitor wait for them). An invalidation is never
 * answered with an old page. When more than {@code maxEntries} pages are stored, all are dropped (search keys are
 * unbounded, and a few seconds of pages are cheap to make again).
 */
public final class PageCache {

    /**
     * Stands in for the CSRF token in stored pages. It cannot occur in a real token (which is base64url) and is easy
     * to find again.
     */
    public static final String TOKEN_SLOT = "\u0000kontor-csrf-slot\u0000";
    /** Request attribute set while a page is rendered for the cache: {@code csrfToken} is then the slot. */
    static final String FOR_CACHE = "kontor.storefront.for-cache";

    /**
     * The model contributor that puts {@link #TOKEN_SLOT} in place of the CSRF token while a page is rendered for the
     * cache; register it after the one that adds the real token.
     */
    public static ThemeRenderer.ModelContributor tokenSlot() {
        return (ctx, model) -> {
            if (Boolean.TRUE.equals(ctx.attribute(FOR_CACHE))) {
                model.put(CsrfProtection.MODEL_VARIABLE, TOKEN_SLOT);
            }
        };
    }

    /**
     * What a page depends on besides the session.
     *
     * @param consent the visitor's analytics consent ({@code analytics}, {@code none}, or empty while undecided)
     */
    public record Key(String pathAndQuery, String language, String currency, String country, String theme,
                      String consent) {

        /** The key of a page for a visitor who has not chosen about analytics. */
        public Key(String pathAndQuery, String language, String currency, String country, String theme) {
            this(pathAndQuery, language, currency, country, theme, "");
        }
    }

    private record Entry(String html, long storedAt, long generation) {
    }

    /** How long past its time to live a page may still be served while one request renders its successor. */
    static final Duration STALE_AT_MOST = Duration.ofSeconds(30);

    private final Clock clock;
    private final long ttlMillis;
    private final int maxEntries;
    private final ConcurrentMap<Key, Entry> pages = new ConcurrentHashMap<>();
    /** Raised by every invalidation, so that a page rendered from data older than it is not stored. */
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    /** The keys being rendered afresh, with when that began. */
    private final ConcurrentMap<Key, Long> refreshing = new ConcurrentHashMap<>();

    /** @param ttl zero turns the cache off */
    public PageCache(Clock clock, Duration ttl, int maxEntries) {
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntries;
    }

    public boolean enabled() {
        return ttlMillis > 0;
    }

    /** The stored page, still holding {@link #TOKEN_SLOT}, if one is fresh. */
    public Optional<String> get(Key key) {
        if (!enabled()) {
            return Optional.empty();
        }
        Entry entry = pages.get(key);
        long now = clock.millis();
        if (entry == null || entry.generation() != generation.get()) {
            misses.incrementAndGet();
            return Optional.empty();
        }
        long age = now - entry.storedAt();
        if (age >= ttlMillis && (age >= ttlMillis + STALE_AT_MOST.toMillis() || claimRefresh(key, now))) {
            misses.incrementAndGet();
            return Optional.empty();
        }
        hits.incrementAndGet();
        return Optional.of(entry.html());
    }

    /** Whether this caller is the one to render the page afresh (no other began within the time to live). */
    private boolean claimRefresh(Key key, long now) {
        Long began = refreshing.putIfAbsent(key, now);
        if (began == null) {
            return true;
        }
        return now - began >= ttlMillis && refreshing.replace(key, began, now);
    }

    /** The generation to pass to {@link #put}; take it before reading what the page shows. */
    public long generation() {
        return generation.get();
    }

    /** Stores a page rendered from data read after {@code generation} was taken, unless an invalidation came since. */
    public void put(Key key, String html, long generation) {
        if (!enabled() || generation != this.generation.get()) {
            return;
        }
        if (pages.size() >= maxEntries) {
            pages.clear();
            refreshing.clear();
        }
        pages.put(key, new Entry(html, clock.millis(), generation));
        refreshing.remove(key);
    }

    /** Drops every stored page. */
    public void invalidate() {
        generation.incrementAndGet();
        pages.clear();
        refreshing.clear();
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }
}
