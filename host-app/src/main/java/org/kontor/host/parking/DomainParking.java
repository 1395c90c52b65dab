package org.kontor.host.parking;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Nameserver;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.parking.ParkingProvider;
import org.kontor.host.domains.DomainRecord;
import org.kontor.host.domains.management.DomainChange;
import org.kontor.host.domains.management.DomainChanges;
import org.kontor.host.domains.management.DomainDetails;
import org.kontor.host.domains.management.DomainManagement;
import org.kontor.host.domains.management.DomainManagementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parking of a customer's domain (TEC-4). Parking remembers the nameservers the registry has for the domain, switches
 * them at the registry to the provider's (through {@link DomainManagement}), then tells the provider; a provider that
 * refuses gets the nameservers switched back, and the refusal is answered with its reason. Leaving tells the provider,
 * then switches the nameservers back to those remembered, or to the operator's default nameservers when the domain had
 * fewer than two.
 *
 * <p>No remote call happens inside a transaction: the intent is recorded with its idempotency key first, and every
 * step (nameservers, provider, switch back) sends its own key derived from it, so a park repeated after a lost answer
 * sends the same keys again. Only a provider with at least two nameservers is offered. A provider that does not confirm in time leaves the domain PENDING with the provider's
 * nameservers; choosing the same provider again asks it once more under the same key. Another customer's domain is
 * {@link DomainManagementException.Reason#NOT_FOUND}, as in the rest of the domain management.
 */
public final class DomainParking {

    private static final int MIN_NAMESERVERS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(DomainParking.class);

    private final DomainManagement management;
    private final Supplier<List<ParkingProvider>> running;
    private final ParkingStore store;
    private final DomainChanges changes;
    private final Supplier<List<String>> defaultNameservers;
    private final Clock clock;

    /**
     * @param running            the parking providers of the plugins running now
     * @param defaultNameservers the operator's default nameservers, for a domain that had none before it was parked
     */
    public DomainParking(DomainManagement management, Supplier<List<ParkingProvider>> running, ParkingStore store,
                         DomainChanges changes, Supplier<List<String>> defaultNameservers, Clock clock) {
        this.management = management;
        this.running = running;
        this.store = store;
        this.changes = changes;
        this.defaultNameservers = defaultNameservers;
        this.clock = clock;
    }

    /** The running parking providers, by name; one whose plugin fails to answer is left out. */
    public List<ProviderChoice> providers() {
        List<ProviderChoice> choices = new ArrayList<>();
        for (ParkingProvider provider : running.get()) {
            try {
                List<String> hosts = hosts(provider.nameservers());
                if (hosts.size() >= MIN_NAMESERVERS) {
                    choices.add(new ProviderChoice(provider.providerId(), provider.displayName(), hosts));
                }
            } catch (RuntimeException e) {
                LOG.warn("A parking provider failed to describe itself: {}", e.toString());
            }
        }
        choices.sort(Comparator.comparing(ProviderChoice::name, String.CASE_INSENSITIVE_ORDER));
        return choices;
    }

    /** The domain, what its registry says now, its parking and the providers to choose from. */
    public ParkingStatus status(String customerId, String name) {
        DomainDetails details = management.show(customerId, name);
        return new ParkingStatus(details, store.find(customerId, details.record().name()), providers());
    }

    /**
     * Parks the domain with the provider: its nameservers become the provider's and the provider takes it. Parking
     * again with the same provider is answered with the parking as it is (a PENDING one is asked again).
     *
     * @throws ParkingException         for an unknown provider, a domain parked elsewhere, a provider's refusal
     * @throws DomainManagementException for a domain not the customer's, not active, or a registry that refuses or
     *                                   cannot be reached (nothing was parked then)
     */
    public Parking park(String customerId, String name, String providerId) {
        DomainRecord record = management.find(customerId, name);
        ParkingProvider provider = provider(providerId).filter(DomainParking::offered).orElseThrow(() -> new ParkingException(
                ParkingException.Reason.UNKNOWN_PROVIDER, "There is no parking provider '" + providerId + "'.",
                providerId == null ? "" : providerId));
        Optional<Parking> existing = store.find(customerId, record.name());
        if (existing.isPresent() && existing.get().state().parked()) {
            Parking parking = existing.get();
            if (!parking.providerId().equals(provider.providerId())) {
                throw new ParkingException(ParkingException.Reason.ALREADY_PARKED, record.name().unicode()
                        + " is parked with " + nameOf(parking.providerId()) + "; leave that parking first.",
                        nameOf(parking.providerId()));
            }
            return parking.state() == ParkingState.PARKED ? parking : carryOn(parking, provider, record.name());
        }
        DomainDetails details = management.show(customerId, name);
        if (details.registryProblem() != null) {
            throw details.registryProblem();
        }
        if (details.live() == null) {
            throw new DomainManagementException(DomainManagementException.Reason.NOT_AT_REGISTRY,
                    "The registry does not hold " + record.name().unicode() + "; ask us to help.");
        }
        Parking switching = new Parking(record.name().ascii(), customerId, provider.providerId(),
                hosts(details.live().nameservers()), ParkingState.SWITCHING, operationKey("park"), null, null, null,
                clock.instant());
        store.save(switching);
        return carryOn(switching, provider, record.name());
    }

    /**
     * Ends the domain's parking: the provider is told, and the nameservers go back to those the domain had before (or
     * the operator's defaults). The provider's answer does not hold the customer back; a registry that refuses or
     * cannot be reached leaves the domain parked.
     */
    public Parking leave(String customerId, String name) {
        DomainRecord record = management.find(customerId, name);
        Parking parking = store.find(customerId, record.name()).filter(p -> p.state().parked())
                .orElseThrow(() -> new ParkingException(ParkingException.Reason.NOT_PARKED,
                        record.name().unicode() + " is not parked.", ""));
        List<String> back = restoreTarget(parking, record.name());
        String operation = operationKey("leave");
        Outcome<Void> told = provider(parking.providerId())
                .map(provider -> call(() -> provider.unpark(key(operation, "provider"), record.name())))
                .orElseGet(() -> Outcome.canceled("the provider " + parking.providerId() + " no longer runs"));
        if (!told.isProcessed()) {
            LOG.info("The parking provider {} did not confirm that {} left: {} {}", parking.providerId(),
                    record.name(), told.status(), told.message());
        }
        management.changeNameservers(customerId, record.name().ascii(), back, key(operation, "ns"));
        Parking left = new Parking(parking.domain(), customerId, parking.providerId(), parking.previousNameservers(),
                ParkingState.LEFT, operation, told.isProcessed() ? null : told.message(), parking.parkedAt(),
                clock.instant(), clock.instant());
        store.save(left);
        changes.record(customerId, record.name(), DomainChange.Kind.UNPARK, DomainChange.State.DONE,
                nameOf(parking.providerId()));
        return left;
    }

    /**
     * Carries on with parkings left unsettled for longer than {@code grace}: each step is sent again under its own key
     * (the provider's nameservers at the registry, then the provider), so a provider that took the domain meanwhile
     * confirms it, and one that refuses gets the nameservers switched back. A provider that no longer runs is left for
     * later.
     *
     * @return how many parkings were asked about
     */
    public int settle(java.time.Duration grace, int limit) {
        int asked = 0;
        for (Parking parking : store.unsettled(clock.instant().minus(grace), limit)) {
            Optional<ParkingProvider> provider = provider(parking.providerId());
            if (provider.isEmpty()) {
                continue;
            }
            asked++;
            try {
                Parking settled = carryOn(parking, provider.get(), DomainName.of(parking.domain()));
                LOG.info("Parking of {} with {} is {}", parking.domain(), parking.providerId(), settled.state());
            } catch (RuntimeException e) {
                LOG.info("Parking of {} with {} not settled: {}", parking.domain(), parking.providerId(),
                        e.getMessage());
            }
        }
        return asked;
    }

    private Parking carryOn(Parking parking, ParkingProvider provider, DomainName domain) {
        List<String> target = hosts(provider.nameservers());
        try {
            management.changeNameservers(parking.customerId(), domain.ascii(), target, key(parking.operationKey(), "ns"));
        } catch (DomainManagementException e) {
            if (parking.state() == ParkingState.SWITCHING) {
                store.save(with(parking, ParkingState.LEFT, e.getMessage()));
            }
            throw e;
        }
        Outcome<Void> outcome = call(() -> provider.park(key(parking.operationKey(), "provider"), domain));
        switch (outcome.status()) {
            case PROCESSED -> {
                Parking parked = new Parking(parking.domain(), parking.customerId(), parking.providerId(),
                        parking.previousNameservers(), ParkingState.PARKED, parking.operationKey(), null,
                        clock.instant(), null, clock.instant());
                store.save(parked);
                changes.record(parking.customerId(), domain, DomainChange.Kind.PARK, DomainChange.State.DONE,
                        provider.displayName());
                return parked;
            }
            case PENDING, UNDEFINED -> {
                Parking pending = with(parking, ParkingState.PENDING, outcome.message());
                boolean first = parking.state() != ParkingState.PENDING;
                store.save(pending);
                if (first) {
                    changes.record(parking.customerId(), domain, DomainChange.Kind.PARK, DomainChange.State.PENDING,
                            provider.displayName());
                }
                return pending;
            }
            default -> {
                String reason = outcome.message() == null || outcome.message().isBlank()
                        ? String.valueOf(outcome.code()) : outcome.message();
                try {
                    management.changeNameservers(parking.customerId(), domain.ascii(),
                            restoreTarget(parking, domain), key(parking.operationKey(), "back"));
                } catch (RuntimeException e) {
                    LOG.warn("{} refused {}, and its nameservers could not be switched back: {}",
                            parking.providerId(), domain, e.getMessage());
                    store.save(with(parking, ParkingState.PENDING, provider.displayName() + " refused: " + reason
                            + "; the nameservers could not be switched back: " + e.getMessage()));
                    throw e;
                }
                store.save(with(parking, ParkingState.REFUSED, reason));
                throw new ParkingException(ParkingException.Reason.PROVIDER_REFUSED, provider.displayName()
                        + " refused to park " + domain.unicode() + ": " + reason, reason);
            }
        }
    }

    /** The nameservers the domain goes back to: those from before, or the operator's defaults. */
    private List<String> restoreTarget(Parking parking, DomainName domain) {
        if (parking.previousNameservers().size() >= MIN_NAMESERVERS) {
            return parking.previousNameservers();
        }
        List<String> defaults = defaultNameservers.get();
        if (defaults.size() >= MIN_NAMESERVERS) {
            return defaults;
        }
        throw new ParkingException(ParkingException.Reason.NO_NAMESERVERS, domain.unicode() + " had no nameservers "
                + "before it was parked, and there are no default nameservers to give it; ask us to help.", "");
    }

    private Parking with(Parking parking, ParkingState state, String message) {
        return new Parking(parking.domain(), parking.customerId(), parking.providerId(), parking.previousNameservers(),
                state, parking.operationKey(), message, parking.parkedAt(), parking.leftAt(), clock.instant());
    }

    private Optional<ParkingProvider> provider(String providerId) {
        if (providerId == null) {
            return Optional.empty();
        }
        for (ParkingProvider provider : running.get()) {
            try {
                if (providerId.equals(provider.providerId())) {
                    return Optional.of(provider);
                }
            } catch (RuntimeException e) {
                LOG.warn("A parking provider failed to name itself: {}", e.toString());
            }
        }
        return Optional.empty();
    }

    /** A provider without (enough) nameservers is not offered: a preset the operator disabled, one not configured. */
    private static boolean offered(ParkingProvider provider) {
        try {
            return provider.nameservers().size() >= MIN_NAMESERVERS;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String nameOf(String providerId) {
        return provider(providerId).map(ParkingProvider::displayName).orElse(providerId);
    }

    private static Outcome<Void> call(Supplier<Outcome<Void>> remote) {
        try {
            Outcome<Void> outcome = remote.get();
            return outcome == null ? Outcome.undefined("the provider gave no answer") : outcome;
        } catch (RuntimeException e) {
            return Outcome.undefined(e.getMessage());
        }
    }

    private static List<String> hosts(List<Nameserver> nameservers) {
        return nameservers.stream().map(ns -> ns.host().ascii()).toList();
    }

    private static String operationKey(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().replace("-", "");
    }

    private static IdempotencyKey key(String operation, String step) {
        return IdempotencyKey.derive("parking", operation, step);
    }
}
