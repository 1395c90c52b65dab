package org.kontor.host.search;

import java.lang.Character.UnicodeScript;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.kontor.api.aftermarket.AftermarketQuery;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.InvalidDomainNameException;
import org.kontor.api.domain.Tld;
import org.kontor.api.money.Money;
import org.kontor.host.catalog.CatalogOperation;
import org.kontor.host.catalog.CatalogRules;
import org.kontor.host.catalog.CatalogStore;
import org.kontor.host.catalog.Phase;
import org.kontor.host.catalog.TldEntry;
import org.kontor.host.catalog.TldGroup;
import org.kontor.host.domains.AvailabilitySearch;
import org.kontor.host.domains.NameAvailability;

/**
 * The customer's domain search (ORD-1, ORD-3, ORD-15). The searched label is checked under every enabled TLD of the
 * catalog that can be ordered now with a price in the requested currency (or only those of one group), all registries
 * at once; each TLD's answer carries the registration price, the TLD's groups and its phase. Then a few alternatives
 * made from the label (hyphenated words, prefixes, suffixes, other TLDs) are checked the same way, and only those
 * available are suggested. Internationalised labels stay in Unicode; a TLD whose IDN rule refuses a label is not asked.
 * Meanwhile the aftermarket providers are asked for registered names like it that are for sale (ORD-4).
 */
public final class DomainSearch {

    /** Most suggestions a search makes. */
    public static final int MAX_SUGGESTIONS = 10;
    /** Words put before the label for suggestions. */
    static final List<String> PREFIXES = List.of("my", "get");
    /** Words put after the label for suggestions. */
    static final List<String> SUFFIXES = List.of("shop", "online", "app");
    /** Words a joined label is split at for a hyphenated suggestion: {@code myshop} → {@code my-shop}. */
    private static final List<String> JOIN_WORDS = List.of("my", "get", "the", "shop", "online", "app", "web", "store");
    /** Affixed labels are tried under this many of the searched TLDs (the wished one first). */
    private static final int AFFIX_TLDS = 3;

    /** Scripts of the IDN tables named by language. */
    private static final Map<String, UnicodeScript> LANGUAGE_SCRIPTS = Map.ofEntries(
            Map.entry("ru", UnicodeScript.CYRILLIC), Map.entry("uk", UnicodeScript.CYRILLIC),
            Map.entry("bg", UnicodeScript.CYRILLIC), Map.entry("sr", UnicodeScript.CYRILLIC),
            Map.entry("el", UnicodeScript.GREEK), Map.entry("ar", UnicodeScript.ARABIC),
            Map.entry("he", UnicodeScript.HEBREW), Map.entry("zh", UnicodeScript.HAN), Map.entry("th", UnicodeScript.THAI));

    /** IDN tables named by a language written in Latin script. */
    private static final Set<String> LATIN_LANGUAGES = Set.of("da", "de", "sv", "no", "nb", "nn", "fi", "is", "cs", "sk",
            "pl", "fr", "es", "it", "nl", "pt", "en", "et", "lv", "lt", "hu", "ro", "hr", "sl", "tr", "fo");

    private final CatalogStore catalog;
    private final CatalogRules rules;
    private final AvailabilitySearch availability;
    private final Clock clock;
    private final AftermarketSearch aftermarket;

    /** A search without aftermarket offers. */
    public DomainSearch(CatalogStore catalog, CatalogRules rules, AvailabilitySearch availability, Clock clock) {
        this(catalog, rules, availability, AftermarketSearch.none(), clock);
    }

    public DomainSearch(CatalogStore catalog, CatalogRules rules, AvailabilitySearch availability,
                        AftermarketSearch aftermarket, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.availability = Objects.requireNonNull(availability, "availability");
        this.aftermarket = Objects.requireNonNull(aftermarket, "aftermarket");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Receives a search's answers as they come: per registry as it answers, then the suggestions, on the caller's
     * thread; and each aftermarket provider's offers as they arrive, on another thread (never two calls of
     * {@link #offers} at once, but possibly while another method runs).
     */
    public interface Listener {

        void results(List<TldResult> results);

        void suggestions(List<Suggestion> suggestions);

        default void offers(List<MarketOffer> offers) {
        }
    }

    /**
     * A whole search's answers.
     *
     * @param registryTime how long the search waited for the registries' answers (the names, then the suggestions);
     *                     the rest of a search's time is Kontor's own
     */
    public record Result(SearchQuery query, Currency currency, Optional<TldGroup> group, List<TldResult> results,
                         List<Suggestion> suggestions, List<MarketOffer> offers, Duration registryTime) {
    }

    /** An orderable TLD: its entry, registration price in the currency, group ids and phase now. */
    private record Offer(TldEntry entry, Money price, List<String> groups, Phase phase) {
    }

    /** The whole search; returns when every registry answered or the timeouts passed. */
    public Result search(SearchQuery query, Currency currency, Optional<TldGroup> group) {
        List<TldResult> results = new ArrayList<>();
        List<Suggestion> suggestions = new ArrayList<>();
        List<MarketOffer> marketOffers = Collections.synchronizedList(new ArrayList<>());
        AtomicLong registryNanos = new AtomicLong();
        search(query, currency, group, registryNanos, new Listener() {
            @Override
            public void results(List<TldResult> answered) {
                results.addAll(answered);
            }

            @Override
            public void suggestions(List<Suggestion> found) {
                suggestions.addAll(found);
            }

            @Override
            public void offers(List<MarketOffer> found) {
                marketOffers.addAll(found);
            }
        });
        Map<String, Integer> order = new LinkedHashMap<>();
        offers(query, currency, group).forEach(offer -> order.put(offer.entry().tld().ascii(), order.size()));
        results.sort(java.util.Comparator.comparing(r -> order.getOrDefault(r.name().tld().ascii(), Integer.MAX_VALUE)));
        return new Result(query, currency, group, List.copyOf(results), List.copyOf(suggestions),
                List.copyOf(marketOffers), Duration.ofNanos(registryNanos.get()));
    }

    /**
     * The search, answering {@code listener} on the caller's thread: the TLDs refusing the label first, then each
     * registry's names as it answers (names of a registry that did not answer in time as unknown), then the
     * suggestions (possibly none); the aftermarket offers whenever they arrive. Returns after the suggestions and once
     * every aftermarket provider answered or its time limit passed.
     */
    public void search(SearchQuery query, Currency currency, Optional<TldGroup> group, Listener listener) {
        search(query, currency, group, new AtomicLong(), listener);
    }

    private void search(SearchQuery query, Currency currency, Optional<TldGroup> group,
                        AtomicLong registryNanos, Listener listener) {
        List<Offer> offers = offers(query, currency, group);
        AftermarketSearch.Asking asking = aftermarket.start(new AftermarketQuery(query.ascii(),
                offers.stream().map(offer -> offer.entry().tld()).toList(), AftermarketSearch.OFFERS_PER_PROVIDER),
                listener::offers);
        try {
            searchRegistries(query, currency, offers, registryNanos, listener);
        } finally {
            asking.await();
        }
    }

    private void searchRegistries(SearchQuery query, Currency currency, List<Offer> offers,
                                  AtomicLong registryNanos, Listener listener) {
        Map<Tld, Offer> byTld = new LinkedHashMap<>();
        offers.forEach(offer -> byTld.put(offer.entry().tld(), offer));

        List<TldResult> refused = new ArrayList<>();
        List<DomainName> names = new ArrayList<>();
        for (Offer offer : offers) {
            DomainName name = DomainName.of(query.ascii() + "." + offer.entry().tld().ascii());
            Optional<String> refusal = idnRefusal(offer.entry(), query.label());
            if (refusal.isPresent()) {
                refused.add(new TldResult(name, TldResult.Status.REFUSED, refusal.get(), offer.price(), offer.groups(),
                        offer.phase()));
            } else {
                names.add(name);
            }
        }
        if (!refused.isEmpty()) {
            listener.results(List.copyOf(refused));
        }
        long asked = System.nanoTime();
        availability.check(names, answered -> listener.results(answered.stream()
                .map(a -> result(a, byTld.get(a.name().tld()))).toList()));
        registryNanos.addAndGet(System.nanoTime() - asked);
        listener.suggestions(suggestions(query, currency, offers, registryNanos));
    }

    private static TldResult result(NameAvailability answer, Offer offer) {
        TldResult.Status status = switch (answer.status()) {
            case AVAILABLE -> TldResult.Status.AVAILABLE;
            case TAKEN -> TldResult.Status.TAKEN;
            case UNKNOWN -> TldResult.Status.UNKNOWN;
        };
        return new TldResult(answer.name(), status, answer.reason(), offer.price(), offer.groups(), offer.phase());
    }

    /**
     * The TLDs searched, in the catalog's order (a group's own order when one is chosen), the wished TLD first:
     * enabled, orderable now, with a registration price in {@code currency}.
     */
    private List<Offer> offers(SearchQuery query, Currency currency, Optional<TldGroup> group) {
        Instant now = clock.instant();
        List<TldGroup> groups = catalog.groups();
        List<TldEntry> entries = new ArrayList<>();
        if (group.isPresent()) {
            group.get().tlds().forEach(tld -> catalog.find(tld).ifPresent(entries::add));
        } else {
            entries.addAll(catalog.all());
        }
        query.wished().flatMap(catalog::find).ifPresent(wished -> {
            entries.removeIf(entry -> entry.tld().equals(wished.tld()));
            entries.add(0, wished);
        });
        List<Offer> offers = new ArrayList<>();
        for (TldEntry entry : entries) {
            Optional<Offer> offer = offer(entry, currency, now, groups);
            offer.ifPresent(offers::add);
        }
        return offers;
    }

    private Optional<Offer> offer(TldEntry entry, Currency currency, Instant now, List<TldGroup> groups) {
        if (!entry.enabled() || rules.notOrderableReason(entry, currency, now).isPresent()) {
            return Optional.empty();
        }
        Optional<Money> price = catalog.pricesOf(entry.tld()).getOrDefault(CatalogOperation.REGISTER, List.of()).stream()
                .filter(money -> money.currency().equals(currency)).findFirst();
        Optional<Phase> phase = rules.currentPhase(entry.tld(), now);
        if (price.isEmpty() || phase.isEmpty()) {
            return Optional.empty();
        }
        List<String> memberships = groups.stream().filter(g -> g.tlds().contains(entry.tld())).map(TldGroup::id).toList();
        return Optional.of(new Offer(entry, price.get(), memberships, phase.get()));
    }

    // ---------------------------------------------------------------- suggestions

    /** Candidates in the order they are suggested: hyphenated words, the label under other TLDs, prefixes, suffixes. */
    private List<Suggestion> suggestions(SearchQuery query, Currency currency, List<Offer> searched,
                                         AtomicLong registryNanos) {
        Map<DomainName, Suggestion> candidates = new LinkedHashMap<>();
        List<Offer> affixTlds = searched.stream().filter(offer -> idnRefusal(offer.entry(), query.label()).isEmpty())
                .limit(AFFIX_TLDS).toList();
        for (String label : hyphenated(query)) {
            affixTlds.forEach(offer -> candidate(candidates, label, offer, Suggestion.Kind.HYPHENATED));
        }
        Set<Tld> searchedTlds = new LinkedHashSet<>();
        searched.forEach(offer -> searchedTlds.add(offer.entry().tld()));
        Instant now = clock.instant();
        List<TldGroup> groups = catalog.groups();
        for (TldEntry entry : catalog.all()) {
            if (!searchedTlds.contains(entry.tld())) {
                offer(entry, currency, now, groups).ifPresent(offer ->
                        candidate(candidates, query.label(), offer, Suggestion.Kind.OTHER_TLD));
            }
        }
        for (String prefix : PREFIXES) {
            if (!query.label().startsWith(prefix)) {
                affixTlds.forEach(offer -> candidate(candidates, prefix + query.label(), offer, Suggestion.Kind.PREFIX));
            }
        }
        for (String suffix : SUFFIXES) {
            if (!query.label().endsWith(suffix)) {
                affixTlds.forEach(offer -> candidate(candidates, query.label() + suffix, offer, Suggestion.Kind.SUFFIX));
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        long asked = System.nanoTime();
        List<NameAvailability> answers = availability.check(List.copyOf(candidates.keySet()), answered -> { });
        registryNanos.addAndGet(System.nanoTime() - asked);
        return answers.stream()
                .filter(answer -> answer.status() == NameAvailability.Status.AVAILABLE)
                .map(answer -> candidates.get(answer.name()))
                .limit(MAX_SUGGESTIONS)
                .toList();
    }

    /** Adds the label under the offer's TLD unless it makes no valid name or the TLD's IDN rule refuses it. */
    private static void candidate(Map<DomainName, Suggestion> candidates, String label, Offer offer, Suggestion.Kind kind) {
        if (idnRefusal(offer.entry(), label).isPresent()) {
            return;
        }
        try {
            DomainName name = DomainName.of(label + "." + offer.entry().tld().ascii());
            candidates.putIfAbsent(name, new Suggestion(name, kind, offer.price()));
        } catch (InvalidDomainNameException e) {
            // too long, or a hyphen where IDNA allows none: no suggestion
        }
    }

    /**
     * The label's words joined by hyphens: the words the customer separated, or a joined label split after a
     * known leading word or before a known trailing one ({@code myshop} → {@code my-shop}).
     */
    static List<String> hyphenated(SearchQuery query) {
        Set<String> labels = new LinkedHashSet<>();
        if (query.words().size() > 1) {
            labels.add(String.join("-", query.words()));
        }
        String label = query.label();
        if (!label.contains("-")) {
            for (String word : JOIN_WORDS) {
                if (label.startsWith(word) && label.length() - word.length() >= 2) {
                    labels.add(word + "-" + label.substring(word.length()));
                }
                if (label.endsWith(word) && label.length() - word.length() >= 2) {
                    labels.add(label.substring(0, label.length() - word.length()) + "-" + word);
                }
            }
        }
        labels.remove(label);
        return List.copyOf(labels);
    }

    /**
     * Why the TLD refuses an internationalised label: it allows none, or its IDN table names a script (Latin,
     * Cyrillic, ..., or a language written in one) and the label has letters of another. Empty for ASCII labels.
     */
    static Optional<String> idnRefusal(TldEntry entry, String unicodeLabel) {
        if (unicodeLabel.chars().allMatch(c -> c < 0x80)) {
            return Optional.empty();
        }
        if (!entry.idnAllowed()) {
            return Optional.of("." + entry.tld().unicode() + " does not allow internationalised names such as "
                    + unicodeLabel + "." + entry.tld().unicode() + ".");
        }
        Optional<UnicodeScript> script = script(entry.idnTable());
        if (script.isEmpty()) {
            return Optional.empty();
        }
        boolean fits = unicodeLabel.codePoints().allMatch(c -> {
            UnicodeScript of = UnicodeScript.of(c);
            return of == script.get() || of == UnicodeScript.COMMON || of == UnicodeScript.INHERITED;
        });
        return fits ? Optional.empty() : Optional.of("." + entry.tld().unicode() + " allows internationalised names in "
                + script.get().name().charAt(0) + script.get().name().substring(1).toLowerCase(Locale.ROOT)
                + " script only, not " + unicodeLabel + "." + entry.tld().unicode() + ".");
    }

    private static Optional<UnicodeScript> script(String table) {
        if (table == null || table.isBlank()) {
            return Optional.empty();
        }
        String name = table.strip();
        try {
            return Optional.of(UnicodeScript.forName(name));
        } catch (IllegalArgumentException e) {
            String language = name.toLowerCase(Locale.ROOT);
            if (LANGUAGE_SCRIPTS.containsKey(language)) {
                return Optional.of(LANGUAGE_SCRIPTS.get(language));
            }
            return LATIN_LANGUAGES.contains(language) ? Optional.of(UnicodeScript.LATIN) : Optional.empty();
        }
    }
}
