package org.kontor.host.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.api.aftermarket.AftermarketOffer;
import org.kontor.api.aftermarket.AftermarketProvider;
import org.kontor.api.aftermarket.AftermarketQuery;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Tld;
import org.kontor.api.money.Money;
import org.kontor.host.plugins.FakeExtensions;

/** Every provider asked at once within the time limit; a failing or late one is left out, the others still count. */
class AftermarketSearchTest {

    private static final Duration LIMIT = Duration.ofMillis(500);
    private static final AftermarketQuery QUERY = new AftermarketQuery("shop", List.of(Tld.of("example")), 10);

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final FakeExtensions extensions = new FakeExtensions();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static AftermarketProvider provider(String id, Function<AftermarketQuery, List<AftermarketOffer>> offers) {
        return new AftermarketProvider() {
            @Override
            public String providerId() {
                return id;
            }

            @Override
            public String displayName() {
                return "Market " + id;
            }

            @Override
            public List<AftermarketOffer> offers(AftermarketQuery query) {
                return offers.apply(query);
            }
        };
    }

    private static AftermarketOffer offer(String name, String provider) {
        return new AftermarketOffer(DomainName.of(name), Money.of("100.00", "EUR"),
                URI.create("https://market.example/" + name), provider);
    }

    @Test
    void offersOfEveryProviderWithItsNameAndNoneOfAFailingOrLateOne() {
        List<AftermarketQuery> asked = new CopyOnWriteArrayList<>();
        extensions.add("fast", AftermarketProvider.class, provider("fast", query -> {
            asked.add(query);
            return List.of(offer("shop.example", "fast"), offer("myshop.example", "fast"));
        }));
        extensions.add("broken", AftermarketProvider.class, provider("broken", query -> {
            throw new IllegalStateException("the marketplace is down");
        }));
        extensions.add("slow", AftermarketProvider.class, provider("slow", query -> {
            sleep(3_000);
            return List.of(offer("late.example", "slow"));
        }));
        extensions.add("other", AftermarketProvider.class, provider("other", query -> List.of(offer("shops.example", "other"))));
        AftermarketSearch search = new AftermarketSearch(extensions, executor, LIMIT);

        long start = System.nanoTime();
        List<MarketOffer> offers = search.offers(QUERY);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(offers).extracting(o -> o.offer().name().ascii())
                .containsExactlyInAnyOrder("shop.example", "myshop.example", "shops.example");
        assertThat(offers).filteredOn(o -> o.offer().providerId().equals("other")).extracting(MarketOffer::providerName)
                .containsExactly("Market other");
        assertThat(asked).containsExactly(QUERY);
        assertThat(millis).as("the late provider is not waited for").isBetween(LIMIT.toMillis() - 50, 2_000L);
    }

    @Test
    void offersArePassedOnAsEachProviderAnswersAndAtMostTenOfEach() {
        List<List<String>> arrivals = new ArrayList<>();
        List<Long> arrivedAt = new ArrayList<>();
        extensions.add("many", AftermarketProvider.class, provider("many", query -> IntStream.range(0, 15)
                .mapToObj(i -> offer("shop" + i + ".example", "many")).toList()));
        extensions.add("later", AftermarketProvider.class, provider("later", query -> {
            sleep(250);
            return List.of(offer("later.example", "later"));
        }));
        extensions.add("none", AftermarketProvider.class, provider("none", query -> List.of()));
        long start = System.nanoTime();

        new AftermarketSearch(extensions, executor, LIMIT).start(QUERY, found -> {
            arrivals.add(found.stream().map(o -> o.offer().name().ascii()).toList());
            arrivedAt.add((System.nanoTime() - start) / 1_000_000);
        }).await();

        assertThat(arrivals).as("one call per provider with offers").hasSize(2);
        assertThat(arrivals.get(0)).hasSize(AftermarketSearch.OFFERS_PER_PROVIDER).startsWith("shop0.example");
        assertThat(arrivals.get(1)).containsExactly("later.example");
        assertThat(arrivedAt.get(0)).as("the fast offers did not wait for the slow ones").isLessThan(arrivedAt.get(1) - 100);
    }

    @Test
    void withoutProvidersThereAreNoOffersAndNoWait() {
        long start = System.nanoTime();

        assertThat(new AftermarketSearch(extensions, executor, Duration.ofSeconds(5)).offers(QUERY)).isEmpty();
        assertThat(AftermarketSearch.none().offers(QUERY)).isEmpty();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
