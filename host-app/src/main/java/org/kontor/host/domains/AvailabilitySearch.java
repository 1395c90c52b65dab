package org.kontor.host.domains;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Tld;
import org.kontor.api.registry.DomainAvailability;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;

/**
 * Checks one label under many TLDs at once. The names are grouped by the registry serving their TLD and
 * every registry is asked at the same time, one task per registry on the given executor. The search waits
 * at most its timeout: a registry that fails or has not answered by then leaves its names unknown and
 * does not hold back the others' answers.
 */
public final class AvailabilitySearch {

    private final Extensions extensions;
    private final Executor executor;
    private final Duration timeout;

    /**
     * @param executor runs the checks; it needs a thread per registry asked at once, or the later
     *                 registries wait for the earlier ones and may miss the timeout
     * @param timeout  the longest a search waits for the registries' answers
     */
    public AvailabilitySearch(Extensions extensions, Executor executor, Duration timeout) {
        this.extensions = Objects.requireNonNull(extensions, "extensions");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive: " + timeout);
        }
    }

    /**
     * The availability of {@code label} under each TLD, in the order of {@code tlds} (repeated TLDs once).
     *
     * @param label a second-level label in Unicode or A-label form, without a TLD: {@code æøå} or {@code example}
     * @throws org.kontor.api.domain.InvalidDomainNameException when the label does not make a valid name
     */
    public List<NameAvailability> search(String label, List<Tld> tlds) {
        return check(names(label, tlds), answered -> { });
    }

    /**
     * The availability of each name (repeated names once), in the order of {@code names}. {@code onAnswer} is
     * called on the caller's thread with each registry's answers as they arrive, fastest first: names no registry
     * serves first, names of a registry that failed or did not answer in time with the registry; every name is
     * passed exactly once before this returns, which is at most the timeout after the call.
     */
    public List<NameAvailability> check(List<DomainName> names, Consumer<List<NameAvailability>> onAnswer) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<DomainRegistry> registries = extensions.of(DomainRegistry.class).stream()
                .map(Contribution::extension).toList();

        Map<DomainName, NameAvailability> answers = new LinkedHashMap<>();
        Map<DomainRegistry, List<DomainName>> byRegistry = new IdentityHashMap<>();
        List<NameAvailability> unserved = new ArrayList<>();
        for (DomainName name : names) {
            if (answers.containsKey(name)) {
                continue;
            }
            answers.put(name, null);
            Optional<DomainRegistry> registry = registryFor(registries, name.tld());
            if (registry.isPresent()) {
                byRegistry.computeIfAbsent(registry.get(), r -> new ArrayList<>()).add(name);
            } else {
                NameAvailability unknown = NameAvailability.unknown(name, "no registry serves ." + name.tld());
                answers.put(name, unknown);
                unserved.add(unknown);
            }
        }
        if (!unserved.isEmpty()) {
            onAnswer.accept(List.copyOf(unserved));
        }

        BlockingQueue<DomainRegistry> done = new LinkedBlockingQueue<>();
        Map<DomainRegistry, CompletableFuture<List<DomainAvailability>>> pending = new IdentityHashMap<>();
        byRegistry.forEach((registry, group) -> {
            CompletableFuture<List<DomainAvailability>> answer = ask(registry, group);
            pending.put(registry, answer);
            answer.whenComplete((checked, failure) -> done.add(registry));
        });
        Set<DomainRegistry> open = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        open.addAll(byRegistry.keySet());
        while (!open.isEmpty()) {
            DomainRegistry next;
            try {
                next = done.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                next = null;
            }
            if (next == null) {
                break;
            }
            if (open.remove(next)) {
                onAnswer.accept(collect(next, byRegistry.get(next), pending.get(next), deadline, answers));
            }
        }
        for (DomainRegistry late : byRegistry.keySet()) {
            if (open.contains(late)) {
                onAnswer.accept(collect(late, byRegistry.get(late), pending.get(late), deadline, answers));
            }
        }
        return List.copyOf(answers.values());
    }

    private static List<DomainName> names(String label, List<Tld> tlds) {
        String stripped = label.strip();
        return tlds.stream().distinct().map(tld -> DomainName.of(stripped + "." + tld.ascii())).distinct().toList();
    }

    /** The first registry loaded that serves {@code tld}, as for provisioning. */
    private static Optional<DomainRegistry> registryFor(List<DomainRegistry> registries, Tld tld) {
        return registries.stream().filter(registry -> registry.tlds().contains(tld)).findFirst();
    }

    private CompletableFuture<List<DomainAvailability>> ask(DomainRegistry registry, List<DomainName> names) {
        try {
            return CompletableFuture.supplyAsync(() -> registry.check(List.copyOf(names)), executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static List<NameAvailability> collect(DomainRegistry registry, List<DomainName> names,
                                                  CompletableFuture<List<DomainAvailability>> answer, long deadline,
                                                  Map<DomainName, NameAvailability> answers) {
        String unknownReason;
        try {
            long left = Math.max(0, deadline - System.nanoTime());
            List<DomainAvailability> checked = answer.isDone() ? answer.get() : answer.get(left, TimeUnit.NANOSECONDS);
            for (DomainAvailability a : checked == null ? List.<DomainAvailability>of() : checked) {
                if (answers.containsKey(a.name()) && names.contains(a.name())) {
                    answers.put(a.name(), a.available() ? NameAvailability.available(a.name())
                            : NameAvailability.taken(a.name(), a.reason()));
                }
            }
            unknownReason = "registry " + registry.registryId() + " did not answer for this name";
        } catch (TimeoutException e) {
            unknownReason = "registry " + registry.registryId() + " did not answer in time";
        } catch (ExecutionException e) {
            unknownReason = "registry " + registry.registryId() + " failed: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unknownReason = "the search was interrupted";
        }
        for (DomainName name : names) {
            if (answers.get(name) == null) {
                answers.put(name, NameAvailability.unknown(name, unknownReason));
            }
        }
        return names.stream().map(answers::get).toList();
    }
}
