package org.kontor.plugins.prepaidaccount.upcoming;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kontor.api.domain.DomainName;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.portfolio.DomainPortfolio;
import org.kontor.api.portfolio.PortfolioDomain;
import org.kontor.api.portfolio.RenewalRequest;
import org.kontor.api.portfolio.RenewalResult;
import org.kontor.api.portfolio.UnknownDomainException;

/** A portfolio in memory, scoped by customer like the host's; a key renews once. */
final class FakePortfolio implements DomainPortfolio {

    private final Map<DomainName, PortfolioDomain> domains = new ConcurrentHashMap<>();
    private final Map<IdempotencyKey, RenewalResult> renewals = new ConcurrentHashMap<>();
    final List<RenewalRequest> renewed = new ArrayList<>();
    private final Money price;

    FakePortfolio(Money price) {
        this.price = price;
    }

    FakePortfolio add(String customer, String name, Instant expiresAt) {
        DomainName domain = DomainName.of(name);
        domains.put(domain, new PortfolioDomain(domain, customer, "sandbox", PortfolioDomain.State.ACTIVE,
                Instant.parse("2020-01-01T00:00:00Z"), expiresAt, true, false, null));
        return this;
    }

    @Override
    public List<PortfolioDomain> domainsOf(String customerId) {
        return domains.values().stream().filter(d -> d.customerId().equals(customerId))
                .sorted(Comparator.comparing(PortfolioDomain::name)).toList();
    }

    @Override
    public Optional<PortfolioDomain> find(String customerId, DomainName name) {
        return Optional.ofNullable(domains.get(name)).filter(d -> d.customerId().equals(customerId));
    }

    @Override
    public List<PortfolioDomain> expiringBetween(String customerId, Instant from, Instant until) {
        return domainsOf(customerId).stream().filter(d -> d.state() == PortfolioDomain.State.ACTIVE)
                .filter(d -> !d.expiresAt().isBefore(from) && d.expiresAt().isBefore(until))
                .sorted(Comparator.comparing(PortfolioDomain::expiresAt)).toList();
    }

    @Override
    public Optional<Money> renewalPrice(DomainName name, Currency currency) {
        return Optional.of(price).filter(p -> p.currency().equals(currency));
    }

    @Override
    public synchronized RenewalResult renew(RenewalRequest request) {
        RenewalResult earlier = renewals.get(request.key());
        if (earlier != null) {
            return earlier;
        }
        PortfolioDomain domain = find(request.customerId(), request.name()).filter(PortfolioDomain::renewable)
                .orElseThrow(() -> new UnknownDomainException(request.name(), "you have no domain " + request.name()));
        if (request.expectedExpiry() != null && !request.expectedExpiry().equals(domain.expiresAt())) {
            return new RenewalResult(request.key(), request.name(), RenewalResult.Status.FAILED, null, domain.expiresAt(),
                    "expiry-changed", "renewed meanwhile");
        }
        Instant next = domain.expiresAt().atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
        domains.put(domain.name(), new PortfolioDomain(domain.name(), domain.customerId(), domain.registryId(),
                domain.state(), domain.createdAt(), next, domain.autoRenew(), domain.terminated(), domain.statuses()));
        renewed.add(request);
        RenewalResult result = new RenewalResult(request.key(), request.name(), RenewalResult.Status.COMPLETED, price, next,
                null, null);
        renewals.put(request.key(), result);
        return result;
    }

    @Override
    public PortfolioDomain terminate(String customerId, DomainName name) {
        PortfolioDomain d = find(customerId, name).orElseThrow(() -> new UnknownDomainException(name, "no " + name));
        PortfolioDomain ended = new PortfolioDomain(d.name(), d.customerId(), d.registryId(), d.state(), d.createdAt(),
                d.expiresAt(), false, true, d.statuses());
        domains.put(name, ended);
        return ended;
    }

    @Override
    public PortfolioDomain setAutoRenew(String customerId, DomainName name, boolean autoRenew) {
        PortfolioDomain d = find(customerId, name).orElseThrow(() -> new UnknownDomainException(name, "no " + name));
        PortfolioDomain changed = new PortfolioDomain(d.name(), d.customerId(), d.registryId(), d.state(), d.createdAt(),
                d.expiresAt(), autoRenew, d.terminated(), d.statuses());
        domains.put(name, changed);
        return changed;
    }
}
