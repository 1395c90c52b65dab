package org.kontor.host.domains;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kontor.api.domain.DomainName;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.funding.InsufficientFundsException;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.portfolio.DomainPortfolio;
import org.kontor.api.portfolio.PortfolioDomain;
import org.kontor.api.portfolio.PortfolioDomain.State;
import org.kontor.api.portfolio.RenewalRequest;
import org.kontor.api.portfolio.RenewalResult;
import org.kontor.api.portfolio.RestorableDomain;
import org.kontor.api.portfolio.RestoreRequest;
import org.kontor.api.portfolio.RestoreResult;
import org.kontor.api.portfolio.UnknownDomainException;
import org.kontor.api.registry.DeleteDomain;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.RenewDomain;
import org.kontor.api.registry.RestoreDomain;
import org.kontor.host.provisioning.DomainOperation;
import org.kontor.host.provisioning.DomainOperationRequest;
import org.kontor.host.provisioning.DomainOperations;
import org.kontor.host.provisioning.ProvisioningException;
import org.kontor.host.provisioning.ProvisioningTargets;
import org.kontor.host.provisioning.RegistryCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's {@link DomainPortfolio}: every call is scoped to the customer it names. A renewal is a domain
 * operation ({@link DomainOperations}) at the price of {@link DomainPrices}, so the price a plugin shows is the
 * price that is held and captured. A restore from redemption (PA-6) is a domain operation too, at the restore
 * price; the funding source refuses it when the available funds do not cover it (PA-2).
 */
public final class HostPortfolio implements DomainPortfolio {

    /** RFC 3915's redemption period: how long a deleted domain can be restored, unless the registry says otherwise. */
    static final java.time.Duration REDEMPTION_PERIOD = java.time.Duration.ofDays(30);


    private static final Logger LOG = LoggerFactory.getLogger(HostPortfolio.class);

    /** What terminating a domain does, by the operator's setting {@code domains.terminate-policy}. */
    public enum TerminatePolicy {
        /** Never renewed again; the domain lapses at its expiry. */
        EXPIRE,
        /** Never renewed again, and deleted at the registry at once. */
        DELETE;

        public static TerminatePolicy of(String text) {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        }
    }

    private final DomainStore domains;
    private final DomainPrices prices;
    private final DomainOperations operations;
    private final ProvisioningTargets targets;
    private final TerminatePolicy terminatePolicy;
    private final Clock clock;

    public HostPortfolio(DomainStore domains, DomainPrices prices, DomainOperations operations, ProvisioningTargets targets,
                         TerminatePolicy terminatePolicy, Clock clock) {
        this.domains = domains;
        this.prices = prices;
        this.operations = operations;
        this.targets = targets;
        this.terminatePolicy = terminatePolicy;
        this.clock = clock;
    }

    @Override
    public List<PortfolioDomain> domainsOf(String customerId) {
        return domains.ofCustomer(customerId).stream().map(DomainRecord::toPortfolio).toList();
    }

    @Override
    public Optional<PortfolioDomain> find(String customerId, DomainName name) {
        return domains.find(customerId, name).map(DomainRecord::toPortfolio);
    }

    @Override
    public List<PortfolioDomain> expiringBetween(String customerId, Instant from, Instant until) {
        return domains.expiring(customerId, from, until).stream().map(DomainRecord::toPortfolio).toList();
    }

    @Override
    public Optional<Money> renewalPrice(DomainName name, Currency currency) {
        return prices.price(name.tld(), ChargeKind.DOMAIN_RENEW, currency);
    }

    @Override
    public RenewalResult renew(RenewalRequest request) throws InsufficientFundsException {
        Optional<RenewalResult> earlier = earlier(request);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        PortfolioDomain domain = find(request.customerId(), request.name())
                .orElseThrow(() -> unknown(request.name()));
        if (!domain.renewable()) {
            throw new UnknownDomainException(request.name(), request.name().unicode() + " cannot be renewed: it is "
                    + (domain.terminated() ? "terminated" : domain.state().name().toLowerCase(Locale.ROOT)));
        }
        if (request.expectedExpiry() != null && !request.expectedExpiry().equals(domain.expiresAt())) {
            return refused(request, domain, "expiry-changed",
                    "the domain was renewed meanwhile; it now expires " + domain.expiresAt());
        }
        boolean renewing = operations.openOn(request.name()).stream()
                .anyMatch(op -> op.kind() == ChargeKind.DOMAIN_RENEW && !op.key().equals(request.key()));
        if (renewing) {
            return refused(request, domain, "renewal-in-progress",
                    "a renewal of " + request.name().unicode() + " waits for the registry's answer");
        }
        Money price = renewalPrice(request.name(), request.currency()).orElseThrow(() -> new IllegalStateException(
                "no renewal price is set for ." + request.name().tld().ascii() + " in " + request.currency()));
        LocalDate currentExpiry = LocalDate.ofInstant(domain.expiresAt(), ZoneOffset.UTC);
        RegistryCommand command = RegistryCommand.of(RenewDomain.of(request.key(), request.name(), currentExpiry,
                request.period()));
        DomainOperation operation;
        try {
            operation = operations.perform(new DomainOperationRequest(request.customerId(), request.fundingSourceId(),
                    price.times(Math.max(1, request.period().inMonths() / 12)), command));
        } catch (ProvisioningException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return result(operation);
    }

    /** The renewal already made under this key (a second click), if any; a key of another operation is refused. */
    private Optional<RenewalResult> earlier(RenewalRequest request) {
        return operations.find(request.key()).map(operation -> {
            if (!operation.customerId().equals(request.customerId()) || !operation.domain().equals(request.name())
                    || operation.kind() != ChargeKind.DOMAIN_RENEW) {
                throw new IllegalArgumentException("the key " + request.key().value() + " names another operation");
            }
            return result(operation);
        });
    }

    /**
     * A refusal, unless the same key renewed meanwhile (two clicks at once: the other one's renewal moved the
     * expiry or is still open), in which case that renewal is the answer.
     */
    private RenewalResult refused(RenewalRequest request, PortfolioDomain domain, String code, String message) {
        return earlier(request).orElseGet(() -> new RenewalResult(request.key(), request.name(),
                RenewalResult.Status.FAILED, null, domain.expiresAt(), code, message));
    }

    private RenewalResult result(DomainOperation operation) {
        RenewalResult.Status status = switch (operation.state()) {
            case COMPLETED -> RenewalResult.Status.COMPLETED;
            case FAILED, REFUSED -> RenewalResult.Status.FAILED;
            case HELD_FOR_REVIEW -> RenewalResult.Status.HELD_FOR_REVIEW;
            case RECORDED, HELD, UNSETTLED -> RenewalResult.Status.PENDING;
        };
        Instant expiry = domains.find(operation.domain()).map(DomainRecord::expiresAt).orElse(null);
        return new RenewalResult(operation.key(), operation.domain(), status, operation.amount(), expiry,
                operation.outcomeCode(), operation.outcomeMessage());
    }

    @Override
    public List<RestorableDomain> restorable(String customerId, Currency currency) {
        return domains.inRedemption(customerId).stream()
                .map(d -> new RestorableDomain(d.toPortfolio(), d.restoreUntil(), restorePrice(d.name(), currency).orElse(null)))
                .toList();
    }

    @Override
    public Optional<Money> restorePrice(DomainName name, Currency currency) {
        return prices.price(name.tld(), ChargeKind.DOMAIN_RESTORE, currency);
    }

    @Override
    public RestoreResult restore(RestoreRequest request) throws InsufficientFundsException {
        Optional<RestoreResult> earlier = earlierRestore(request);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        PortfolioDomain domain = find(request.customerId(), request.name()).orElseThrow(() -> unknown(request.name()));
        if (!domain.restorable()) {
            // a second click that came in while the first one restored: answer with that restore
            return earlierRestore(request).orElseThrow(() -> new UnknownDomainException(request.name(),
                    request.name().unicode() + " cannot be restored: it is not in redemption but "
                            + domain.state().name().toLowerCase(Locale.ROOT)));
        }
        boolean restoring = operations.openOn(request.name()).stream()
                .anyMatch(op -> op.kind() == ChargeKind.DOMAIN_RESTORE && !op.key().equals(request.key()));
        if (restoring) {
            return earlierRestore(request).orElseGet(() -> new RestoreResult(request.key(), request.name(),
                    RestoreResult.Status.FAILED, null, "restore-in-progress",
                    "a restore of " + request.name().unicode() + " waits for the registry's answer"));
        }
        Money price = restorePrice(request.name(), request.currency()).orElseThrow(() -> new IllegalStateException(
                "no restore price is set for ." + request.name().tld().ascii() + " in " + request.currency()));
        DomainOperation operation;
        try {
            operation = operations.perform(new DomainOperationRequest(request.customerId(), request.fundingSourceId(),
                    price, RegistryCommand.of(new RestoreDomain(request.key(), request.name(), null))));
        } catch (ProvisioningException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return restoreResult(operation);
    }

    /** The restore already made under this key (a second click), if any; a key of another operation is refused. */
    private Optional<RestoreResult> earlierRestore(RestoreRequest request) {
        return operations.find(request.key()).map(operation -> {
            if (!operation.customerId().equals(request.customerId()) || !operation.domain().equals(request.name())
                    || operation.kind() != ChargeKind.DOMAIN_RESTORE) {
                throw new IllegalArgumentException("the key " + request.key().value() + " names another operation");
            }
            return restoreResult(operation);
        });
    }

    private static RestoreResult restoreResult(DomainOperation operation) {
        RestoreResult.Status status = switch (operation.state()) {
            case COMPLETED -> RestoreResult.Status.COMPLETED;
            case FAILED, REFUSED -> RestoreResult.Status.FAILED;
            case HELD_FOR_REVIEW -> RestoreResult.Status.HELD_FOR_REVIEW;
            case RECORDED, HELD, UNSETTLED -> RestoreResult.Status.PENDING;
        };
        return new RestoreResult(operation.key(), operation.domain(), status, operation.amount(), operation.outcomeCode(),
                operation.outcomeMessage());
    }

    @Override
    public PortfolioDomain terminate(String customerId, DomainName name) {
        if (!domains.terminate(customerId, name)) {
            throw unknown(name);
        }
        DomainRecord record = domains.find(customerId, name).orElseThrow(() -> unknown(name));
        if (terminatePolicy == TerminatePolicy.DELETE && record.state() == State.ACTIVE) {
            delete(record);
        }
        return domains.find(name).map(DomainRecord::toPortfolio).orElseThrow(() -> unknown(name));
    }

    /** Deletes at the registry, outside any transaction; the record follows only on a sure answer. */
    private void delete(DomainRecord record) {
        Optional<DomainRegistry> registry = targets.registry(record.registryId());
        if (registry.isEmpty()) {
            LOG.warn("Terminated {} stays until its expiry: registry {} is not running", record.name(), record.registryId());
            return;
        }
        IdempotencyKey key = IdempotencyKey.of("terminate-" + record.name().ascii() + "-" + clock.millis());
        Outcome<Void> outcome;
        try {
            outcome = registry.get().delete(new DeleteDomain(key, record.name()));
        } catch (RuntimeException e) {
            LOG.warn("Deleting terminated {} at {} failed; it lapses at its expiry", record.name(), record.registryId(), e);
            return;
        }
        if (outcome.isProcessed()) {
            boolean inRedemption = inRedemption(registry.get(), record.name());
            domains.jdbi().useTransaction(h -> {
                if (inRedemption) {
                    domains.redemption(h, record.name(), clock.instant().plus(REDEMPTION_PERIOD), key.value());
                } else {
                    domains.move(h, record.name(), List.of(State.ACTIVE), State.DELETED, null, key.value());
                }
            });
        } else {
            LOG.warn("Registry {} did not delete terminated {} ({} {}); it lapses at its expiry", record.registryId(),
                    record.name(), outcome.status(), outcome.message());
        }
    }

    /**
     * Whether the registry kept the deleted domain in its redemption grace period (RFC 3915: status
     * {@code pendingDelete} with rgp status {@code redemptionPeriod}), so it can still be restored.
     */
    private static boolean inRedemption(DomainRegistry registry, DomainName name) {
        try {
            return registry.info(name).map(info -> info.statuses().contains("pendingDelete")).orElse(false);
        } catch (RuntimeException e) {
            LOG.warn("Could not ask whether deleted {} is in redemption; recorded as deleted", name, e);
            return false;
        }
    }

    @Override
    public PortfolioDomain setAutoRenew(String customerId, DomainName name, boolean autoRenew) {
        if (!domains.setAutoRenew(customerId, name, autoRenew)) {
            throw unknown(name);
        }
        return find(customerId, name).orElseThrow(() -> unknown(name));
    }

    private static UnknownDomainException unknown(DomainName name) {
        return new UnknownDomainException(name, "you have no domain " + name.unicode());
    }
}
