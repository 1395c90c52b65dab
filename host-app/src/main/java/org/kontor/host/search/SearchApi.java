package org.kontor.host.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kontor.api.domain.InvalidDomainNameException;
import org.kontor.api.web.Access;
import org.kontor.host.catalog.CatalogStore;
import org.kontor.host.catalog.TldGroup;
import org.kontor.host.web.Problem;
import org.kontor.host.web.ProblemException;

/**
 * The domain search for everyone ({@link Access#PUBLIC}).
 *
 * <p>{@code GET /api/v1/search?q=æblegrød&currency=DKK&lang=da&group=europe} answers the whole search at once;
 * {@code GET /api/v1/search/stream?q=…} answers {@code application/x-ndjson}, one line per TLD as its registry answers
 * ({@code {"result": …}}), then one per suggestion ({@code {"suggestion": …}}), then {@code {"done": true}}, so a slow
 * registry does not hold back the others. Offers of registered names from the aftermarket providers (ORD-4) are the
 * {@code offers} array of the whole answer, and in the stream one line each ({@code {"offer": …}}) whenever a provider
 * answers, always before {@code done}. Input that makes no domain name is refused before any registry is asked:
 * 400 without {@code q}, 422 with the reason ({@code reason}, e.g. {@code LEADING_HYPHEN}) otherwise.
 */
public final class SearchApi {

    public static final String NDJSON = "application/x-ndjson";
    static final String DEFAULT_CURRENCY = "EUR";
    /** The languages TLD group names are kept in; any other falls back to English. */
    private static final Set<String> LANGUAGES = Set.of("en", "da", "de", "cs", "sk");

    private final DomainSearch search;
    private final CatalogStore catalog;
    private final ObjectMapper json;

    public SearchApi(DomainSearch search, CatalogStore catalog, ObjectMapper json) {
        this.search = search;
        this.catalog = catalog;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/search", this::whole, Access.PUBLIC);
        routes.get("/api/v1/search/stream", this::stream, Access.PUBLIC);
    }

    /** A search's parameters, checked. */
    private record Request(SearchQuery query, Currency currency, String language, Optional<TldGroup> group) {
    }

    private void whole(Context ctx) {
        long started = System.nanoTime();
        Request request = request(ctx);
        DomainSearch.Result result = search.search(request.query(), request.currency(), request.group());
        ctx.header("Server-Timing", serverTiming(result.registryTime(), System.nanoTime() - started));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("query", queryView(request));
        view.put("results", result.results().stream().map(SearchApi::resultView).toList());
        view.put("suggestions", result.suggestions().stream().map(SearchApi::suggestionView).toList());
        view.put("offers", result.offers().stream().map(SearchApi::offerView).toList());
        ctx.json(view);
    }

    private void stream(Context ctx) throws IOException {
        Request request = request(ctx);
        ctx.status(200);
        ctx.res().setContentType(NDJSON + ";charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-store");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        OutputStream out = ctx.res().getOutputStream();
        try {
            search.search(request.query(), request.currency(), request.group(), new DomainSearch.Listener() {
                @Override
                public void results(List<TldResult> results) {
                    lines(out, results.stream().<Object>map(r -> Map.of("result", resultView(r))).toList());
                }

                @Override
                public void suggestions(List<Suggestion> suggestions) {
                    lines(out, suggestions.stream().<Object>map(s -> Map.of("suggestion", suggestionView(s))).toList());
                }

                @Override
                public void offers(List<MarketOffer> offers) {
                    lines(out, offers.stream().<Object>map(o -> Map.of("offer", offerView(o))).toList());
                }
            });
        } finally {
            lines(out, List.of(Map.of("done", true)));
        }
    }

    /**
     * The {@code Server-Timing} header of a search: {@code registry} is the time spent waiting for the registries'
     * answers, {@code kontor} the rest of the handler's time (catalog, rules, JSON), both in milliseconds.
     */
    public static String serverTiming(java.time.Duration registry, long totalNanos) {
        double registryMillis = registry.toNanos() / 1e6;
        double ownMillis = Math.max(0, totalNanos - registry.toNanos()) / 1e6;
        return String.format(Locale.ROOT, "registry;dur=%.2f, kontor;dur=%.2f", registryMillis, ownMillis);
    }

    /** Writes one JSON line per value and sends them at once; offers arrive on other threads. */
    private void lines(OutputStream out, List<Object> values) {
        synchronized (out) {
            write(out, values);
        }
    }

    private void write(OutputStream out, List<Object> values) {
        try {
            StringBuilder text = new StringBuilder();
            for (Object value : values) {
                text.append(json.writeValueAsString(value)).append('\n');
            }
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the searching client went away", e);
        }
    }

    private Request request(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw new ProblemException(Problem.of(400, "bad-request", "Bad request",
                            "Type a name to search for in q, such as q=example or q=example.dk.")
                    .withErrors(Map.of("q", "The name to search for is missing.")).withReason("EMPTY"));
        }
        String code = Optional.ofNullable(ctx.queryParam("currency")).filter(c -> !c.isBlank()).orElse(DEFAULT_CURRENCY);
        Currency currency;
        try {
            currency = Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(400, "validation", "Invalid input", "Some parameters are invalid.")
                    .withErrors(Map.of("currency", "'" + code + "' is not a currency code such as DKK or EUR.")));
        }
        String requested = Optional.ofNullable(ctx.queryParam("lang")).orElse("en").strip().toLowerCase(Locale.ROOT);
        String language = LANGUAGES.contains(requested) ? requested : "en";
        Optional<TldGroup> group = Optional.empty();
        String groupId = ctx.queryParam("group");
        if (groupId != null && !groupId.isBlank()) {
            group = catalog.group(groupId.strip());
            if (group.isEmpty()) {
                throw ProblemException.validation("Some parameters are invalid.",
                        Map.of("group", "There is no TLD group '" + groupId.strip() + "'."));
            }
        }
        SearchQuery query;
        try {
            query = SearchQuery.parse(q);
        } catch (InvalidDomainNameException e) {
            throw new ProblemException(Problem.of(422, "invalid-domain-name", "Invalid domain name", e.getMessage())
                    .withErrors(Map.of("q", e.getMessage())).withReason(e.reason().name()));
        }
        return new Request(query, currency, language, group);
    }

    private static Map<String, Object> queryView(Request request) {
        Map<String, Object> view = new LinkedHashMap<>();
        SearchQuery query = request.query();
        view.put("input", query.input());
        view.put("label", query.label());
        view.put("ascii", query.ascii());
        view.put("idn", query.isIdn());
        view.put("tld", query.wished().map(tld -> tld.ascii()).orElse(null));
        view.put("currency", request.currency().getCurrencyCode());
        view.put("language", request.language());
        view.put("group", request.group().map(group -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("id", group.id());
            g.put("name", group.name(request.language()));
            return g;
        }).orElse(null));
        return view;
    }

    static Map<String, Object> resultView(TldResult result) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("tld", result.name().tld().ascii());
        view.put("name", result.name().unicode());
        view.put("ascii", result.name().ascii());
        view.put("status", result.status().name().toLowerCase(Locale.ROOT));
        view.put("reason", result.reason());
        view.put("price", result.price());
        view.put("groups", result.groups());
        view.put("phase", result.phase().name());
        return view;
    }

    static Map<String, Object> offerView(MarketOffer market) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("tld", market.offer().name().tld().ascii());
        view.put("name", market.offer().name().unicode());
        view.put("ascii", market.offer().name().ascii());
        view.put("price", market.offer().price());
        view.put("link", market.offer().link().toString());
        view.put("provider", market.offer().providerId());
        view.put("providerName", market.providerName());
        return view;
    }

    static Map<String, Object> suggestionView(Suggestion suggestion) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("tld", suggestion.name().tld().ascii());
        view.put("name", suggestion.name().unicode());
        view.put("ascii", suggestion.name().ascii());
        view.put("kind", suggestion.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        view.put("price", suggestion.price());
        return view;
    }
}
