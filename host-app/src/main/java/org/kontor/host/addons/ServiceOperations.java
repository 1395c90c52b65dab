package org.kontor.host.addons;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.kontor.api.domain.DomainName;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.provisioning.ChangePlan;
import org.kontor.api.provisioning.CreateService;
import org.kontor.api.provisioning.ProvisionedService;
import org.kontor.api.provisioning.Provisioner;
import org.kontor.api.provisioning.ServiceAction;
import org.kontor.api.provisioning.ServiceOwner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, suspends, unsuspends, terminates and changes the plan of add-on services (ADD-2). Each change is an
 * operation under the key {@code svc:<service id>:<action>:<seq>}: the intent is recorded and committed, the
 * provisioner is called outside any transaction, and the answer is recorded with the service's new state in one
 * transaction. PROCESSED moves the service; ERROR (and CANCELED for a call just sent) fails the operation — a failed
 * create fails the service; PENDING is asked about later through {@link Provisioner#status}; UNDEFINED or an exception
 * is sent again with the same key after 1 min, 5 min, 30 min, 2 h and then every 6 h, and after
 * {@value #MAX_ATTEMPTS} attempts fails with a note for staff. {@link AddonProvisioningJob} takes up what is due. A service without a
 * provisioner (set up by hand) changes at once.
 */
public final class ServiceOperations {

    public static final int MAX_ATTEMPTS = 6;

    private static final Logger LOG = LoggerFactory.getLogger(ServiceOperations.class);
    private static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6));
    /** How long a worker holds an operation it is calling before another may take it up. */
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int CANCELLATIONS_PER_RUN = 100;

    private final AddonServiceStore store;
    private final AddonCatalog catalog;
    private final Provisioners provisioners;
    private final Function<String, Optional<ServiceOwner>> owners;
    private final Clock clock;

    /** @param owners the customer a service is for, by customer id */
    public ServiceOperations(AddonServiceStore store, AddonCatalog catalog, Provisioners provisioners,
                             Function<String, Optional<ServiceOwner>> owners, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.provisioners = provisioners;
        this.owners = owners;
        this.clock = clock;
    }

    public AddonServiceStore store() {
        return store;
    }

    /**
     * Books the service of an order line for a product with a provisioner, PENDING, with its create operation due now;
     * booking the same line again answers the service booked first. Call {@link #run} with the create's key after
     * the transaction committed.
     */
    public AddonService book(Handle h, String customerId, AddonProduct product, String domain, String orderId, int lineNo,
                             int periodMonths) {
        if (!product.provisioned()) {
            throw new IllegalArgumentException("the product " + product.id() + " has no provisioner");
        }
        Instant now = clock.instant();
        AddonService service = store.insert(h, new AddonService(UUID.randomUUID().toString(), customerId, product.id(),
                domain, orderId, lineNo, ServiceState.PENDING, product.provisionerId(), product.plan(), null, Map.of(),
                null, null, null, now, now.atZone(ZoneOffset.UTC).plusMonths(periodMonths).toInstant()));
        if (store.nextSeq(h, service.id(), ServiceAct.CREATE) == 1) {
            store.insertOperation(h, intent(service.id(), ServiceAct.CREATE, 1, "order", null, now));
        }
        return service;
    }

    /** The key of a service's create operation. */
    public static IdempotencyKey createKey(String serviceId) {
        return ServiceOperation.keyOf(serviceId, ServiceAct.CREATE, 1);
    }

    /** The operations of a service that are not finished yet (at most one). */
    public List<ServiceOperation> openOperationsOf(String serviceId) {
        return store.jdbi().withHandle(h -> store.openOperationsOf(h, serviceId));
    }

    /** Whether a suspension for {@code why} was asked for and is still under way. */
    public boolean suspensionUnderWay(String serviceId, String why) {
        return openOperationsOf(serviceId).stream()
                .anyMatch(open -> open.action() == ServiceAct.SUSPEND && why.equals(open.reason()));
    }

    /** Stops an active service; {@code why} is {@code dunning:<invoice id>} or {@code staff}. */
    public AddonService suspend(String serviceId, String why) {
        return request(serviceId, ServiceAct.SUSPEND, why, null, EnumSet.of(ServiceState.ACTIVE));
    }

    /** Starts a suspended service again. */
    public AddonService unsuspend(String serviceId, String why) {
        return request(serviceId, ServiceAct.UNSUSPEND, why, null, EnumSet.of(ServiceState.SUSPENDED));
    }

    /** Ends a service for good; {@code why}: {@code cancelled}, {@code staff}, {@code order-cancelled}. */
    public AddonService terminate(String serviceId, String why) {
        return request(serviceId, ServiceAct.TERMINATE, why, null, EnumSet.of(ServiceState.ACTIVE, ServiceState.SUSPENDED));
    }

    /**
     * Moves an active service to another product of the same kind and provisioner; the new price applies from the next
     * renewal.
     *
     * @throws IllegalArgumentException the product is not one the service may move to
     */
    public AddonService changePlan(String serviceId, String productId) {
        AddonService service = store.find(serviceId).orElseThrow(() -> new IllegalArgumentException("no service " + serviceId));
        AddonProduct target = catalog.find(productId).filter(AddonProduct::enabled)
                .orElseThrow(() -> new IllegalArgumentException("no product " + productId + " on offer"));
        if (!planTargets(service).contains(target)) {
            throw new IllegalArgumentException("the service cannot move to " + productId);
        }
        return request(serviceId, ServiceAct.CHANGE_PLAN, "change-plan", target.id(), EnumSet.of(ServiceState.ACTIVE));
    }

    /** The products a service may move to: enabled, of the same kind and provisioner, not its own. */
    public List<AddonProduct> planTargets(AddonService service) {
        AddonProduct current = catalog.find(service.productId()).orElse(null);
        if (current == null) {
            return List.of();
        }
        return catalog.offered().stream().filter(product -> !product.id().equals(current.id())
                && product.kind() == current.kind() && product.perDomain() == current.perDomain()
                && java.util.Objects.equals(product.provisionerId(), service.provisionerId())).toList();
    }

    /**
     * The customer cancels: the service ends at the end of its paid period ({@code renews_at}), when the job terminates
     * it; a second cancellation changes nothing.
     *
     * @throws IllegalStateException the service is not active or suspended
     */
    public AddonService cancelAtPeriodEnd(String serviceId) {
        store.jdbi().useTransaction(h -> {
            AddonService service = store.find(h, serviceId).orElseThrow();
            if (service.state() != ServiceState.ACTIVE && service.state() != ServiceState.SUSPENDED) {
                throw new IllegalStateException("a " + service.state() + " service cannot be cancelled");
            }
            if (service.cancelAt() == null) {
                store.setCancelAt(h, serviceId, service.renewsAt());
            }
        });
        return store.find(serviceId).orElseThrow();
    }

    /**
     * Staff: an open or pending operation is sent or asked about now; a failed one (not a create: its order line's
     * money was released) is made again as a new operation under the next key.
     */
    public ServiceOperation retry(IdempotencyKey key) {
        ServiceOperation operation = store.operation(key).orElseThrow(() -> new IllegalArgumentException("no operation " + key));
        if (!operation.state().isFinal()) {
            store.dueNow(key);
            return run(key);
        }
        if (operation.state() == ServiceOperation.State.COMPLETED || operation.action() == ServiceAct.CREATE) {
            throw new IllegalStateException("a " + operation.state() + " " + operation.action().wire()
                    + " cannot be made again");
        }
        Set<ServiceState> from = switch (operation.action()) {
            case SUSPEND, CHANGE_PLAN -> EnumSet.of(ServiceState.ACTIVE);
            case UNSUSPEND -> EnumSet.of(ServiceState.SUSPENDED);
            default -> EnumSet.of(ServiceState.ACTIVE, ServiceState.SUSPENDED);
        };
        AddonService service = request(operation.serviceId(), operation.action(), operation.reason(),
                operation.targetProductId(), from);
        return store.operationsOf(service.id()).stream().filter(op -> op.action() == operation.action())
                .reduce((first, second) -> second).orElse(operation);
    }

    Clock clock() {
        return clock;
    }

    /** Terminates the services whose customer's cancellation is due; how many. */
    public int terminateDueCancellations() {
        int done = 0;
        for (AddonService service : store.dueCancellations(clock.instant(), CANCELLATIONS_PER_RUN)) {
            try {
                terminate(service.id(), "cancelled");
                done++;
            } catch (RuntimeException e) {
                LOG.warn("The cancelled service {} could not be terminated; it is tried again", service.id(), e);
            }
        }
        return done;
    }

    /**
     * Sends a due operation (again, with its key) or asks about a pending one, and records the answer with the service's
     * new state. An operation another worker holds, or one not due, is answered as it stands.
     */
    public ServiceOperation run(IdempotencyKey key) {
        Instant now = clock.instant();
        if (!store.claim(key, now, now.plus(LEASE))) {
            return store.operation(key).orElseThrow();
        }
        ServiceOperation operation = store.operation(key).orElseThrow();
        AddonService service = store.find(operation.serviceId()).orElseThrow();
        Outcome<ProvisionedService> outcome;
        try {
            outcome = call(service, operation);
        } catch (RuntimeException e) {
            LOG.warn("Provisioner {} failed on {}; it is sent again later", service.provisionerId(), key, e);
            outcome = Outcome.undefined("the provisioner failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        Outcome<ProvisionedService> answer = outcome;
        store.jdbi().useTransaction(h -> record(h, operation, service, answer));
        return store.operation(key).orElseThrow();
    }

    private Outcome<ProvisionedService> call(AddonService service, ServiceOperation operation) {
        Optional<Provisioner> found = provisioners.find(service.provisionerId());
        if (found.isEmpty()) {
            return Outcome.undefined("the provisioner " + service.provisionerId() + " is not running");
        }
        Provisioner provisioner = found.get();
        if (operation.state() == ServiceOperation.State.PENDING) {
            return provisioner.status(operation.key());
        }
        String reason = operation.reason() == null ? null : operation.reason().split(":", 2)[0];
        return switch (operation.action()) {
            case CREATE -> {
                ServiceOwner owner = owners.apply(service.customerId()).orElseThrow(() ->
                        new IllegalStateException("no customer " + service.customerId()));
                yield provisioner.create(new CreateService(operation.key(), service.id(), service.productId(),
                        service.plan(), service.domain() == null ? null : DomainName.of(service.domain()),
                        periodMonths(service), owner));
            }
            case SUSPEND -> widen(provisioner.suspend(action(operation, service, reason)));
            case UNSUSPEND -> widen(provisioner.unsuspend(action(operation, service, reason)));
            case TERMINATE -> widen(provisioner.terminate(action(operation, service, reason)));
            case CHANGE_PLAN -> {
                String toPlan = catalog.find(operation.targetProductId()).map(AddonProduct::plan).orElseThrow(() ->
                        new IllegalStateException("the product " + operation.targetProductId() + " is gone"));
                yield widen(provisioner.changePlan(new ChangePlan(operation.key(), service.id(),
                        service.remoteReference(), service.plan(), toPlan)));
            }
        };
    }

    private void record(Handle h, ServiceOperation operation, AddonService service, Outcome<ProvisionedService> outcome) {
        Instant now = clock.instant();
        int attempts = operation.attempts();
        String message = outcome.message();
        switch (outcome.status()) {
            case PROCESSED -> {
                if (store.recordOutcome(h, operation.key(), ServiceOperation.State.COMPLETED, outcome.status(),
                        outcome.code(), message, reference(outcome), now)) {
                    applyDone(h, operation, service, outcome);
                }
            }
            case PENDING -> store.recordOutcome(h, operation.key(), ServiceOperation.State.PENDING, outcome.status(),
                    outcome.code(), message == null ? "the provisioner confirms later" : message, reference(outcome),
                    now.plus(backoff(attempts)));
            case CANCELED -> {
                if (operation.state() == ServiceOperation.State.PENDING) {
                    // unknown to the third party after it had accepted: sent again under the same key
                    store.recordOutcome(h, operation.key(), ServiceOperation.State.OPEN, outcome.status(), null,
                            message, null, now.plus(backoff(attempts)));
                } else {
                    fail(h, operation, service, outcome.status(), outcome.code(), message);
                }
            }
            case ERROR -> fail(h, operation, service, outcome.status(), outcome.code(), message);
            default -> {
                if (operation.state() == ServiceOperation.State.PENDING) {
                    store.recordOutcome(h, operation.key(), ServiceOperation.State.PENDING, outcome.status(), null,
                            message, null, now.plus(backoff(attempts)));
                } else if (attempts >= MAX_ATTEMPTS) {
                    fail(h, operation, service, outcome.status(), "no-answer", "no answer after " + attempts
                            + " attempts (" + message + "); staff: check the service at the third party");
                } else {
                    store.recordOutcome(h, operation.key(), ServiceOperation.State.OPEN, outcome.status(), null,
                            message, null, now.plus(backoff(attempts)));
                }
            }
        }
    }

    private void applyDone(Handle h, ServiceOperation operation, AddonService service, Outcome<ProvisionedService> outcome) {
        switch (operation.action()) {
            case CREATE -> {
                ProvisionedService created = outcome.value();
                store.setCreated(h, service.id(), created != null && created.remoteReference() != null
                        ? created.remoteReference() : outcome.reference(), created == null ? Map.of() : created.details());
                store.transition(h, service.id(), EnumSet.of(ServiceState.PENDING), ServiceState.ACTIVE, null);
            }
            case SUSPEND -> {
                if (store.transition(h, service.id(), EnumSet.of(ServiceState.ACTIVE), ServiceState.SUSPENDED, null)) {
                    store.setSuspendedFor(h, service.id(), operation.reason());
                }
            }
            case UNSUSPEND -> {
                if (store.transition(h, service.id(), EnumSet.of(ServiceState.SUSPENDED), ServiceState.ACTIVE, null)) {
                    store.setSuspendedFor(h, service.id(), null);
                }
            }
            case TERMINATE -> store.transition(h, service.id(), EnumSet.of(ServiceState.ACTIVE, ServiceState.SUSPENDED,
                    ServiceState.PENDING), ServiceState.TERMINATED, "terminated: " + operation.reason());
            case CHANGE_PLAN -> catalog.find(operation.targetProductId()).ifPresent(target ->
                    store.setPlan(h, service.id(), target.id(), target.plan()));
        }
    }

    private void fail(Handle h, ServiceOperation operation, AddonService service, OutcomeStatus status, String code,
                      String message) {
        String text = message == null ? "the provisioner refused" : message;
        if (store.recordOutcome(h, operation.key(), ServiceOperation.State.FAILED, status, code, text, null,
                clock.instant())) {
            if (operation.action() == ServiceAct.CREATE) {
                store.transition(h, service.id(), EnumSet.of(ServiceState.PENDING), ServiceState.FAILED, text);
            } else {
                store.transition(h, service.id(), EnumSet.of(service.state()), service.state(),
                        operation.action().wire() + " failed: " + text);
            }
        }
    }

    /**
     * Records an operation for a service in one of {@code from}, then makes it: through the provisioner (outside the
     * transaction), or at once for a service set up by hand.
     *
     * @throws IllegalStateException the service is not in one of {@code from}
     * @throws ServiceBusyException  an operation for it is under way
     */
    private AddonService request(String serviceId, ServiceAct action, String reason, String targetProductId,
                                 Set<ServiceState> from) {
        IdempotencyKey key = store.jdbi().inTransaction(h -> {
            AddonService service = store.find(h, serviceId).orElseThrow(() ->
                    new IllegalArgumentException("no service " + serviceId));
            if (!from.contains(service.state())) {
                throw new IllegalStateException("a " + service.state() + " service does not take a " + action.wire());
            }
            if (!store.openOperationsOf(h, serviceId).isEmpty()) {
                throw new ServiceBusyException(serviceId);
            }
            Instant now = clock.instant();
            int seq = store.nextSeq(h, serviceId, action);
            ServiceOperation intent = intent(serviceId, action, seq, reason, targetProductId, now);
            store.insertOperation(h, intent);
            if (!service.provisioned()) {
                store.recordOutcome(h, intent.key(), ServiceOperation.State.COMPLETED, OutcomeStatus.PROCESSED, null,
                        "set up by hand: no provisioner", null, now);
                applyDone(h, intent, service, Outcome.processed(null, null));
                return null;
            }
            return intent.key();
        });
        if (key != null) {
            run(key);
        }
        return store.find(serviceId).orElseThrow();
    }

    private static ServiceOperation intent(String serviceId, ServiceAct action, int seq, String reason,
                                           String targetProductId, Instant now) {
        return new ServiceOperation(ServiceOperation.keyOf(serviceId, action, seq), serviceId, action, seq, reason,
                targetProductId, ServiceOperation.State.OPEN, 0, now, null, null, null, null, now, now);
    }

    private static ServiceAction action(ServiceOperation operation, AddonService service, String reason) {
        return new ServiceAction(operation.key(), service.id(), service.remoteReference(), reason);
    }

    private static int periodMonths(AddonService service) {
        long months = ChronoUnit.MONTHS.between(service.startedAt().atZone(ZoneOffset.UTC),
                service.renewsAt().atZone(ZoneOffset.UTC));
        return (int) Math.max(1, months);
    }

    static Duration backoff(int attempts) {
        return BACKOFF.get(Math.max(0, Math.min(attempts, BACKOFF.size()) - 1));
    }

    private static String reference(Outcome<ProvisionedService> outcome) {
        if (outcome.value() != null && outcome.value().remoteReference() != null) {
            return outcome.value().remoteReference();
        }
        return outcome.reference();
    }

    private static Outcome<ProvisionedService> widen(Outcome<Void> outcome) {
        return new Outcome<>(outcome.status(), null, outcome.code(), outcome.message(), outcome.reference());
    }
}
