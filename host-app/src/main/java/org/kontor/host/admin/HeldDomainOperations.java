package org.kontor.host.admin;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.kontor.api.domain.Period;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.registry.RenewDomain;
import org.kontor.api.registry.RestoreDomain;
import org.kontor.host.domains.DomainRecord;
import org.kontor.host.domains.DomainStore;
import org.kontor.host.orders.OrderFulfilment;
import org.kontor.host.provisioning.DomainOperation;
import org.kontor.host.provisioning.DomainOperations;
import org.kontor.host.provisioning.RegistryCommand;

/**
 * Domain operations parked for review (a 2104 billing failure at the registry, a charge without the registry's work,
 * the registry's work without a charge), decided by a person in the clearing center (ADM-9). A release sends the
 * same operation to the registry again (see {@link DomainOperations#retry}): an order line's command is rebuilt by the
 * order, a renewal's and a restore's from the domain. A rejection gives back what is still held.
 */
public final class HeldDomainOperations {

    private final DomainOperations operations;
    private final OrderFulfilment fulfilment;
    private final DomainStore domains;

    public HeldDomainOperations(DomainOperations operations, OrderFulfilment fulfilment, DomainStore domains) {
        this.operations = operations;
        this.fulfilment = fulfilment;
        this.domains = domains;
    }

    public List<DomainOperation> held() {
        return operations.heldForReview();
    }

    public Optional<DomainOperation> find(IdempotencyKey key) {
        return operations.find(key);
    }

    /** Whether a release can send it again; otherwise it can only be rejected. */
    public boolean retryable(DomainOperation operation) {
        if (!operations.retryable(operation)) {
            return false;
        }
        return switch (operation.kind()) {
            case DOMAIN_CREATE, DOMAIN_TRANSFER -> fulfilment.orderOfOperation(operation.key()).isPresent();
            case DOMAIN_RENEW -> operation.period() != null && domains.find(operation.domain()).isPresent();
            case DOMAIN_RESTORE -> true;
            default -> false;
        };
    }

    /**
     * @return the operation afterwards
     * @throws IllegalStateException it cannot be retried
     */
    public DomainOperation release(DomainOperation operation) {
        if (!retryable(operation)) {
            throw new IllegalStateException("domain operation " + operation.key().value() + " cannot be retried");
        }
        return switch (operation.kind()) {
            case DOMAIN_CREATE, DOMAIN_TRANSFER -> fulfilment.retryOperation(operation.key());
            case DOMAIN_RENEW -> {
                DomainRecord domain = domains.find(operation.domain()).orElseThrow();
                LocalDate expiry = LocalDate.ofInstant(domain.expiresAt(), ZoneOffset.UTC);
                yield operations.retry(operation.key(), transaction -> RegistryCommand.of(RenewDomain.of(transaction,
                        operation.domain(), expiry, period(operation.period()))));
            }
            case DOMAIN_RESTORE -> operations.retry(operation.key(),
                    transaction -> RegistryCommand.of(new RestoreDomain(transaction, operation.domain(), null)));
            default -> throw new IllegalStateException("a " + operation.kind() + " cannot be retried");
        };
    }

    public DomainOperation reject(DomainOperation operation, String reason) {
        return fulfilment.orderOfOperation(operation.key()).isPresent()
                ? fulfilment.rejectOperation(operation.key(), reason)
                : operations.reject(operation.key(), reason);
    }

    /** A period as stored with the operation: {@code 1y}, {@code 6m}. */
    static Period period(String stored) {
        int value = Integer.parseInt(stored.substring(0, stored.length() - 1));
        return stored.endsWith("m") ? Period.months(value) : Period.years(value);
    }
}
