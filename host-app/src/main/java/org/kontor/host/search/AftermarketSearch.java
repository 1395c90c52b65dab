package org.kontor.host.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.kontor.api.aftermarket.AftermarketOffer;
import org.kontor.api.aftermarket.AftermarketProvider;
import org.kontor.api.aftermarket.AftermarketQuery;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers from the secondary market for a search (ORD-4): every started {@link AftermarketProvider} is asked at once, one
 * task each on the executor. Each provider's offers are passed on as they arrive; a provider that fails is logged and
 * skipped, and one that has not answered within the time limit is logged and left out of this search.
 */
public final class AftermarketSearch {

    private static final Logger LOG = LoggerFactory.getLogger(AftermarketSearch.class);

    /** Most offers asked of each provider. */
    public static final int OFFERS_PER_PROVIDER = 10;

    private final Extensions extensions;
    private final Executor executor;
    private final Duration timeout;

    /**
     * @param executor runs the providers' calls; it needs a thread per provider, or later ones may miss the limit
     * @param timeout  the longest a search waits for the providers
     */
    public AftermarketSearch(Extensions extensions, Executor executor, Duration timeout) {
        this.extensions = Objects.requireNonNull(extensions, "extensions");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive: " + timeout);
        }
    }

    /** A search that asks no provider, for hosts without an aftermarket. */
    public static AftermarketSearch none() {
        return new AftermarketSearch(new Extensions() {
            @Override
            public <T> List<Contribution<T>> of(Class<T> extensionPoint) {
                return List.of();
            }
        }, Runnable::run, Duration.ofMillis(1));
    }

    /** Every provider's offers, after all answered or the time limit passed. */
    public List<MarketOffer> offers(AftermarketQuery query) {
        List<MarketOffer> all = new ArrayList<>();
        start(query, all::addAll).await();
        return List.copyOf(all);
    }

    /**
     * Asks every started provider and returns at once. {@code onOffers} receives each provider's non-empty offers on
     * the provider's thread as they arrive, one provider at a time, until {@link Asking#await()} returns.
     */
    public Asking start(AftermarketQuery query, Consumer<List<MarketOffer>> onOffers) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Asking asking = new Asking(deadline, onOffers);
        for (Contribution<AftermarketProvider> contribution : extensions.of(AftermarketProvider.class)) {
            asking.ask(contribution, query);
        }
        return asking;
    }

    /** The providers being asked for one search. */
    public final class Asking {

        private final long deadline;
        private final Consumer<List<MarketOffer>> onOffers;
        private final List<Asked> asked = new ArrayList<>();
        private boolean closed;

        private record Asked(Contribution<AftermarketProvider> contribution, CompletableFuture<Void> done) {
        }

        private Asking(long deadline, Consumer<List<MarketOffer>> onOffers) {
            this.deadline = deadline;
            this.onOffers = onOffers;
        }

        private void ask(Contribution<AftermarketProvider> contribution, AftermarketQuery query) {
            AftermarketProvider provider = contribution.extension();
            CompletableFuture<List<AftermarketOffer>> answer;
            try {
                answer = CompletableFuture.supplyAsync(() -> provider.offers(query), executor);
            } catch (RejectedExecutionException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            asked.add(new Asked(contribution, answer.handle((offers, failure) -> {
                deliver(contribution, offers, failure);
                return null;
            })));
        }

        private synchronized void deliver(Contribution<AftermarketProvider> contribution, List<AftermarketOffer> offers,
                Throwable failure) {
            if (closed) {
                return; // logged as late by await
            }
            AftermarketProvider provider = contribution.extension();
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                LOG.warn("The aftermarket provider of plugin {} failed; its offers are left out of this search",
                        contribution.pluginId(), cause);
                return;
            }
            try {
                String providerName = provider.displayName();
                List<MarketOffer> found = offers == null ? List.of() : offers.stream().filter(Objects::nonNull)
                        .limit(OFFERS_PER_PROVIDER).map(offer -> new MarketOffer(offer, providerName)).toList();
                if (!found.isEmpty()) {
                    onOffers.accept(found);
                }
            } catch (RuntimeException e) {
                LOG.warn("The offers of the aftermarket provider of plugin {} could not be shown", contribution.pluginId(), e);
            }
        }

        /** Waits until every provider answered or the time limit passed; answers after that are dropped. */
        public void await() {
            for (Asked one : asked) {
                try {
                    one.done().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    LOG.warn("The aftermarket provider of plugin {} did not answer within {}; its offers are left out",
                            one.contribution().pluginId(), timeout);
                } catch (ExecutionException e) {
                    LOG.warn("The aftermarket provider of plugin {} failed", one.contribution().pluginId(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            synchronized (this) {
                closed = true;
            }
        }
    }
}
