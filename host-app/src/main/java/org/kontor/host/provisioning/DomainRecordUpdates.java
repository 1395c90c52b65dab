package org.kontor.host.provisioning;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.kontor.api.domain.Period;
import org.kontor.api.portfolio.PortfolioDomain.State;
import org.kontor.api.registry.DomainRegistration;
import org.kontor.api.registry.DomainTransfer;
import org.kontor.host.domains.DomainStore;
import org.kontor.host.provisioning.DomainOperationStore.OutcomeInfo;

/**
 * What a domain operation's change of state means for the domain's record, written in the same transaction:
 *
 * <ul>
 *   <li>create: UNSETTLED → PENDING_CREATE; COMPLETED → ACTIVE with the registry's dates; FAILED after
 *   PENDING_CREATE → REJECTED.</li>
 *   <li>renew: COMPLETED → the registry's new expiry (or the recorded one plus the period).</li>
 *   <li>restore: COMPLETED → ACTIVE, no longer terminated.</li>
 *   <li>transfer: UNSETTLED → PENDING_TRANSFER (unless the domain is active with this customer already);
 *   COMPLETED → ACTIVE under the operation's customer; FAILED after PENDING_TRANSFER → REJECTED.</li>
 * </ul>
 * HELD_FOR_REVIEW changes nothing: a person decides.
 */
final class DomainRecordUpdates {

    private final DomainStore domains;

    DomainRecordUpdates(DomainStore domains) {
        this.domains = domains;
    }

    DomainStore domains() {
        return domains;
    }

    void apply(Handle h, DomainOperation operation, OperationState to, OutcomeInfo outcome) {
        Object value = outcome == null ? null : outcome.value();
        Instant created = value instanceof DomainRegistration r ? r.createdAt() : null;
        Instant expires = value instanceof DomainRegistration r ? r.expiresAt()
                : value instanceof DomainTransfer t ? t.expiresAt() : null;
        String reference = value instanceof DomainRegistration r ? r.registryReference() : null;
        String by = operation.key().value();
        switch (operation.kind()) {
            case DOMAIN_CREATE -> {
                if (to == OperationState.UNSETTLED) {
                    boolean active = domains.find(h, operation.domain()).filter(d -> d.state() == State.ACTIVE).isPresent();
                    if (!active) {
                        domains.put(h, operation.domain(), operation.customerId(), operation.registryId(),
                                State.PENDING_CREATE, created, expires, reference, by);
                    }
                } else if (to == OperationState.COMPLETED) {
                    domains.put(h, operation.domain(), operation.customerId(), operation.registryId(), State.ACTIVE,
                            created == null ? operation.createdAt() : created, expires, reference, by);
                } else if (to == OperationState.FAILED) {
                    domains.move(h, operation.domain(), List.of(State.PENDING_CREATE), State.REJECTED, null, by);
                }
            }
            case DOMAIN_RENEW -> {
                if (to == OperationState.COMPLETED) {
                    domains.renewed(h, operation.domain(), expires, period(operation), by);
                }
            }
            case DOMAIN_RESTORE -> {
                if (to == OperationState.COMPLETED) {
                    if (domains.find(h, operation.domain()).isPresent()) {
                        domains.restored(h, operation.domain(), expires, by);
                    } else {
                        domains.put(h, operation.domain(), operation.customerId(), operation.registryId(), State.ACTIVE,
                                created, expires, reference, by);
                    }
                }
            }
            case DOMAIN_TRANSFER -> {
                if (to == OperationState.UNSETTLED) {
                    boolean alreadyOurs = domains.find(h, operation.domain())
                            .filter(d -> d.state() == State.ACTIVE && d.customerId().equals(operation.customerId()))
                            .isPresent();
                    if (!alreadyOurs) {
                        domains.put(h, operation.domain(), operation.customerId(), operation.registryId(),
                                State.PENDING_TRANSFER, null, null, null, by);
                    }
                } else if (to == OperationState.COMPLETED) {
                    domains.put(h, operation.domain(), operation.customerId(), operation.registryId(), State.ACTIVE,
                            created, expires, reference, by);
                } else if (to == OperationState.FAILED) {
                    domains.move(h, operation.domain(), List.of(State.PENDING_TRANSFER), State.REJECTED, null, by);
                }
            }
            default -> {
                // other charges do not change a domain's record
            }
        }
    }

    private static Period period(DomainOperation operation) {
        String text = operation.period();
        if (text == null || text.isBlank()) {
            return Period.years(1);
        }
        try {
            int value = Integer.parseInt(text.substring(0, text.length() - 1));
            return text.endsWith("m") ? Period.months(value) : Period.years(value);
        } catch (RuntimeException e) {
            return Period.years(1);
        }
    }
}
