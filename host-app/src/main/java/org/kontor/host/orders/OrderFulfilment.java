package org.kontor.host.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.kontor.api.contact.ContactRole;
import org.kontor.api.domain.Nameserver;
import org.kontor.api.funding.FundingRequest;
import org.kontor.api.funding.FundingSource;
import org.kontor.api.funding.InsufficientFundsException;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.registry.ContactHandle;
import org.kontor.api.registry.CreateContact;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.LaunchData;
import org.kontor.api.registry.RegisterDomain;
import org.kontor.api.registry.TransferDomain;
import org.kontor.host.addons.AddonCatalog;
import org.kontor.host.addons.AddonProduct;
import org.kontor.host.addons.AddonService;
import org.kontor.host.addons.ServiceOperations;
import org.kontor.host.provisioning.DomainOperation;
import org.kontor.host.provisioning.DomainOperationRequest;
import org.kontor.host.provisioning.DomainOperations;
import org.kontor.host.provisioning.OperationState;
import org.kontor.host.provisioning.ProvisioningTargets;
import org.kontor.host.provisioning.RegistryCommand;
import org.kontor.host.secrets.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a placed order through its life: funding (a hold per line on the funding source), the clearing center,
 * provisioning line by line — a registration or transfer as a {@link DomainOperations domain operation} under the
 * line's key, an add-on booked at once or, with a provisioner, once the provisioner confirmed it — the
 * pre-registration queue, and the final state. Every step moves the
 * order or line from a known state by a conditional update, so two workers never send the same line twice, and
 * the line's key makes a repeated registry call or hold harmless.
 */
public final class OrderFulfilment {

    private static final Logger LOG = LoggerFactory.getLogger(OrderFulfilment.class);

    private final OrderStore orders;
    private final PaymentOptions payments;
    private final DomainOperations operations;
    private final ProvisioningTargets targets;
    private final HolderDirectory holders;
    private final AddonCatalog addons;
    private final OrderVouchers vouchers;
    private final SecretBox secrets;
    private final Supplier<List<String>> defaultNameservers;
    private final Executor executor;
    private final OrderCompletion completion;
    private final ServiceOperations services;
    private final Clock clock;

    public OrderFulfilment(OrderStore orders, PaymentOptions payments, DomainOperations operations,
                           ProvisioningTargets targets, HolderDirectory holders, AddonCatalog addons,
                           OrderVouchers vouchers, SecretBox secrets, Supplier<List<String>> defaultNameservers,
                           Executor executor, OrderCompletion completion, ServiceOperations services, Clock clock) {
        this.completion = completion;
        this.services = services;
        this.orders = orders;
        this.payments = payments;
        this.operations = operations;
        this.targets = targets;
        this.holders = holders;
        this.addons = addons;
        this.vouchers = vouchers;
        this.secrets = secrets;
        this.defaultNameservers = defaultNameservers;
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * Funds a placed order: from a funding source, every line's amount is held now (all or none); through a payment
     * gateway the order waits for its payment. Then the cart is emptied and, unless the order waits for review,
     * provisioning starts in the background.
     *
     * @throws OrderInputException {@code insufficient-funds} when the funds do not cover it; the order is then
     *                             cancelled, nothing stays held and the cart is kept
     */
    Order fund(Order order, Runnable clearCart) {
        Optional<FundingSource> source = payments.fundingSource(order.paymentMethod());
        if (source.isEmpty()) {
            orders.transition(order.id(), List.of(OrderState.PLACED), OrderState.AWAITING_PAYMENT, null);
            clearCart.run();
            return orders.find(order.id()).orElseThrow();
        }
        List<IdempotencyKey> held = new ArrayList<>();
        try {
            for (OrderLine line : order.lines()) {
                if (line.amountDue().isPositive()) {
                    source.get().hold(fundingRequest(order, line));
                    held.add(line.operationKey());
                }
            }
        } catch (InsufficientFundsException | RuntimeException e) {
            held.forEach(key -> releaseQuietly(source.get(), key));
            String message = e instanceof InsufficientFundsException insufficient
                    ? "the prepaid account does not cover the order: " + insufficient.getMessage()
                    : "the order could not be paid: " + e.getMessage();
            cancel(order.id(), EnumSet.of(OrderState.PLACED), message);
            if (e instanceof InsufficientFundsException) {
                throw new OrderInputException(InputError.of("payment", "insufficient-funds",
                        "Your prepaid account does not cover this order of " + order.total()
                                + ". Top it up or choose another way to pay.", order.total().toString()));
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
        OrderState next = order.reviewReason() == null ? OrderState.FUNDED : OrderState.HELD_FOR_REVIEW;
        orders.transition(order.id(), List.of(OrderState.PLACED), next, null);
        clearCart.run();
        if (next == OrderState.FUNDED) {
            provisionLater(order.id());
        }
        return orders.find(order.id()).orElseThrow();
    }

    /** The order's payment through a gateway arrived: it is funded now. */
    public Order paid(String orderId) {
        return paid(orderId, null);
    }

    /**
     * The order's payment through a gateway arrived: it is funded now, or held for review when it was placed so or
     * when {@code heldBecause} names why (the payment's risk assessment reached the threshold).
     */
    public Order paid(String orderId, String heldBecause) {
        Order order = orders.find(orderId).orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
        OrderState next = order.reviewReason() == null && heldBecause == null ? OrderState.FUNDED
                : OrderState.HELD_FOR_REVIEW;
        boolean moved = orders.jdbi().inTransaction(h -> {
            boolean changed = orders.transition(h, orderId, List.of(OrderState.AWAITING_PAYMENT), next, null);
            if (changed && heldBecause != null) {
                orders.setReviewReason(h, orderId, order.reviewReason() == null ? heldBecause
                        : order.reviewReason() + "; " + heldBecause);
            }
            return changed;
        });
        if (moved && next == OrderState.FUNDED) {
            provisionLater(orderId);
        }
        return orders.find(orderId).orElseThrow();
    }

    void provisionLater(String orderId) {
        executor.execute(() -> {
            try {
                provision(orderId);
            } catch (RuntimeException e) {
                LOG.error("Provisioning order {} stopped; the order job goes on with it", orderId, e);
            }
        });
    }

    /** Sends every line of a funded order that may go now; a pre-registration waits in the queue for its time. */
    public Order provision(String orderId) {
        orders.transition(orderId, List.of(OrderState.FUNDED), OrderState.PROVISIONING, null);
        Order order = orders.find(orderId).orElseThrow();
        if (order.state() != OrderState.PROVISIONING) {
            return order;
        }
        Instant now = clock.instant();
        for (OrderLine line : order.lines()) {
            if (line.state() != LineState.WAITING) {
                continue;
            }
            if (line.notBefore() != null && line.notBefore().isAfter(now)) {
                orders.lineTransition(orderId, line.lineNo(), List.of(LineState.WAITING), LineState.QUEUED, null);
            } else {
                provisionLine(order, line, List.of(LineState.WAITING));
            }
        }
        return settleOrder(orderId);
    }

    /** Sends the queued pre-registrations whose general availability has begun, in the order they were placed. */
    public int sendDuePreRegistrations(int limit) {
        int sent = 0;
        for (OrderLine line : orders.dueQueuedLines(clock.instant(), limit)) {
            Order order = orders.find(line.orderId()).orElseThrow();
            provisionLine(order, line, List.of(LineState.QUEUED));
            settleOrder(order.id());
            sent++;
        }
        return sent;
    }

    /** Brings the lines the registry decides later (PENDING) up to date from their domain operations. */
    public Order refresh(String orderId) {
        Order order = orders.find(orderId).orElseThrow();
        for (OrderLine line : order.lines()) {
            if (line.state() == LineState.PENDING || line.state() == LineState.PROVISIONING) {
                if (line.kind() == ItemKind.ADDON) {
                    services.store().byLine(orderId, line.lineNo()).ifPresent(service -> applyService(order, line, service));
                } else {
                    operations.find(line.operationKey()).ifPresent(operation -> applyOperation(order, line, operation));
                }
            }
        }
        return settleOrder(orderId);
    }

    /** Releases an order from the clearing center: provisioning starts. */
    public Order release(String orderId) {
        if (orders.transition(orderId, List.of(OrderState.HELD_FOR_REVIEW), OrderState.FUNDED, "released after review")) {
            provisionLater(orderId);
        }
        return orders.find(orderId).orElseThrow();
    }

    /** Rejects an order in the clearing center: its holds are released and nothing is delivered. */
    public Order reject(String orderId, String reason) {
        cancel(orderId, EnumSet.of(OrderState.HELD_FOR_REVIEW, OrderState.AWAITING_PAYMENT),
                "rejected after review: " + reason);
        return orders.find(orderId).orElseThrow();
    }

    /** Sends an order that is not provisioned yet to the clearing center (the operator's per-order flag). */
    public Order holdForReview(String orderId, String reason) {
        orders.jdbi().useTransaction(h -> {
            if (orders.transition(h, orderId, List.of(OrderState.FUNDED, OrderState.AWAITING_PAYMENT, OrderState.PLACED),
                    OrderState.HELD_FOR_REVIEW, null)) {
                orders.setReviewReason(h, orderId, reason);
            }
        });
        return orders.find(orderId).orElseThrow();
    }

    /**
     * Picks up what a stopped host left: funded orders not yet provisioned, lines still at the registry, and
     * orders placed but never funded (their holds are released and the order cancelled).
     */
    public void recover(Duration grace) {
        Instant before = clock.instant().minus(grace);
        for (Order order : orders.inState(List.of(OrderState.FUNDED, OrderState.PROVISIONING, OrderState.PLACED))) {
            if (order.updatedAt().isAfter(before)) {
                continue;
            }
            switch (order.state()) {
                case FUNDED -> provision(order.id());
                case PROVISIONING -> {
                    for (OrderLine line : order.lines()) {
                        if (line.state() == LineState.WAITING) {
                            provisionLine(order, line, List.of(LineState.WAITING));
                        }
                    }
                    refresh(order.id());
                }
                case PLACED -> {
                    payments.fundingSource(order.paymentMethod()).ifPresent(source ->
                            order.lines().forEach(line -> releaseQuietly(source, line.operationKey())));
                    cancel(order.id(), EnumSet.of(OrderState.PLACED), "the order was not funded");
                }
                default -> { }
            }
        }
    }

    private void provisionLine(Order order, OrderLine line, List<LineState> from) {
        if (!orders.lineTransition(order.id(), line.lineNo(), from, LineState.PROVISIONING, null)) {
            return; // another worker has it
        }
        try {
            if (line.kind() == ItemKind.ADDON) {
                provisionAddon(order, line);
                return;
            }
            Optional<DomainOperation> done = operations.find(line.operationKey());
            if (done.isPresent()) {
                applyOperation(order, line, done.get());
                return;
            }
            DomainRegistry registry = targets.registryFor(line.domain().tld()).orElse(null);
            if (registry == null) {
                failLine(order, line, "no registry serves ." + line.domain().tld().unicode() + " now");
                return;
            }
            Optional<RegistryCommand> command = command(registry, order, line);
            if (command.isEmpty()) {
                return;
            }
            DomainOperation operation = operations.perform(new DomainOperationRequest(order.customerId(),
                    fundingSourceId(order), line.amountDue(), command.get()));
            applyOperation(order, line, operation);
        } catch (InsufficientFundsException e) {
            failLine(order, line, "the funds no longer cover it: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Order {} line {} ({}) could not be sent; the order job tries again", order.id(), line.lineNo(),
                    line.description(), e);
            orders.lineTransition(order.id(), line.lineNo(), List.of(LineState.PROVISIONING), LineState.WAITING,
                    "will be tried again: " + e.getMessage());
        }
    }

    /** The line's registry command under its operation key; empty when the holder could not be created (the line says why). */
    private Optional<RegistryCommand> command(DomainRegistry registry, Order order, OrderLine line) {
        if (line.kind() == ItemKind.TRANSFER) {
            return Optional.of(command(order, line, null, line.operationKey()));
        }
        return registrant(registry, order, line).map(registrant -> command(order, line, registrant, line.operationKey()));
    }

    /**
     * @param registrant the holder's contact at the registry; null for a transfer
     * @param key        the command's key: the line's operation key, or a retry's (see {@link DomainOperations#retryKey})
     */
    private RegistryCommand command(Order order, OrderLine line, ContactHandle registrant, IdempotencyKey key) {
        if (line.kind() == ItemKind.TRANSFER) {
            return RegistryCommand.of(new TransferDomain(key, line.domain(),
                    secrets.open(line.authCodeSealed()), Carts.period(line.periodMonths())));
        }
        List<String> hosts = line.nameservers().isEmpty() ? defaultNameservers.get() : line.nameservers();
        RegisterDomain register = new RegisterDomain(key, line.domain(),
                Carts.period(line.periodMonths()), registrant,
                java.util.Map.of(ContactRole.ADMIN, registrant, ContactRole.TECH, registrant),
                hosts.stream().map(Nameserver::of).toList(), null,
                line.signedMark() == null ? null : LaunchData.sunrise(line.signedMark()))
                .withTermsAcceptedAt(order.placedAt());
        return RegistryCommand.of(register);
    }

    /** The order a domain operation was made for, when it was made for an order line. */
    public Optional<Order> orderOfOperation(IdempotencyKey key) {
        return orders.lineByKey(key).map(OrderStore.LineOfOrder::order);
    }

    /**
     * Sends an order line's domain operation that was parked for review to the registry again (the same operation,
     * see {@link DomainOperations#retry}) after a person released it in the clearing center; the line and the order follow the answer.
     *
     * @throws IllegalStateException the operation is not an order line's, or cannot be retried
     */
    public DomainOperation retryOperation(IdempotencyKey key) {
        OrderStore.LineOfOrder found = orders.lineByKey(key)
                .orElseThrow(() -> new IllegalStateException("no order line has the operation " + key.value()));
        Order order = found.order();
        OrderLine line = found.line();
        DomainRegistry registry = targets.registryFor(line.domain().tld()).orElseThrow(() ->
                new IllegalStateException("no registry serves ." + line.domain().tld().unicode() + " now"));
        ContactHandle registrant = null;
        if (line.kind() != ItemKind.TRANSFER) {
            // Not registrant(): on a refusal it fails the line and gives the money back, which is the reject's job.
            HolderDirectory.Holder holder = holders.holder(order.customerId(), line.holderContactId())
                    .orElseThrow(() -> new IllegalStateException("the holder contact is gone"));
            Outcome<ContactHandle> created = registry.createContact(CreateContact.of(
                    IdempotencyKey.derive(line.operationKey().value(), "registrant"), holder.contact()));
            if (!created.isProcessed() || created.value() == null) {
                throw new IllegalStateException("the registry did not create the holder: " + created.message());
            }
            registrant = created.value();
        }
        ContactHandle holder = registrant;
        DomainOperation operation = operations.retry(key, transaction -> command(order, line, holder, transaction));
        applyOperation(order, line, operation);
        settleOrder(order.id());
        return operation;
    }

    /** Rejects an order line's domain operation parked for review: its money is given back and the line fails. */
    public DomainOperation rejectOperation(IdempotencyKey key, String reason) {
        DomainOperation operation = operations.reject(key, reason);
        orders.lineByKey(key).ifPresent(found -> {
            applyOperation(found.order(), found.line(), operation);
            settleOrder(found.order().id());
        });
        return operation;
    }

    private Optional<ContactHandle> registrant(DomainRegistry registry, Order order, OrderLine line) {
        Optional<HolderDirectory.Holder> holder = holders.holder(order.customerId(), line.holderContactId());
        if (holder.isEmpty()) {
            failLine(order, line, "the holder contact is gone");
            return Optional.empty();
        }
        Outcome<ContactHandle> created = registry.createContact(CreateContact.of(
                IdempotencyKey.derive(line.operationKey().value(), "registrant"), holder.get().contact()));
        if (created.isProcessed() && created.value() != null) {
            return Optional.of(created.value());
        }
        switch (created.status()) {
            case ERROR, CANCELED -> failLine(order, line, "the registry refused the holder: " + created.message());
            default -> orders.lineTransition(order.id(), line.lineNo(), List.of(LineState.PROVISIONING),
                    LineState.WAITING, "the holder could not be created yet: " + created.message());
        }
        return Optional.empty();
    }

    /**
     * An add-on with a provisioner: its service is booked PENDING with its create operation, which is sent after the
     * commit; the line follows the service (see {@link #applyService}). Without a provisioner it is active at once.
     */
    private void provisionAddon(Order order, OrderLine line) {
        Optional<AddonProduct> product = addons.find(line.productId());
        if (product.isPresent() && product.get().provisioned()) {
            AddonService booked = orders.jdbi().inTransaction(h -> services.book(h, order.customerId(), product.get(),
                    line.domain() == null ? null : line.domain().ascii(), order.id(), line.lineNo(), line.periodMonths()));
            services.run(ServiceOperations.createKey(booked.id()));
            applyService(order, line, services.store().find(booked.id()).orElseThrow());
            return;
        }
        Optional<FundingSource> source = payments.fundingSource(order.paymentMethod());
        if (source.isPresent() && line.amountDue().isPositive()) {
            source.get().capture(line.operationKey());
        }
        orders.jdbi().useTransaction(h -> {
            addons.activate(h, order.customerId(), line.productId(), line.domain() == null ? null : line.domain().ascii(),
                    order.id(), line.lineNo(), line.periodMonths());
            orders.lineTransition(h, order.id(), line.lineNo(), List.of(LineState.PROVISIONING), LineState.COMPLETED,
                    null);
        });
    }

    /**
     * An add-on line follows its service: set up (and whatever became of it since) → COMPLETED (a hold captured);
     * FAILED → the line FAILED and its money released like a failed domain line's; still being set up → PENDING.
     */
    private void applyService(Order order, OrderLine line, AddonService service) {
        List<LineState> open = List.of(LineState.PROVISIONING, LineState.PENDING);
        switch (service.state()) {
            case PENDING -> orders.lineTransition(order.id(), line.lineNo(), List.of(LineState.PROVISIONING),
                    LineState.PENDING, "waiting for " + service.provisionerId() + " to set the service up");
            case FAILED -> {
                payments.fundingSource(order.paymentMethod()).ifPresent(source -> releaseQuietly(source, line.operationKey()));
                orders.lineTransition(order.id(), line.lineNo(), open, LineState.FAILED,
                        "the service could not be set up: " + (service.note() == null ? "" : service.note()));
            }
            default -> {
                Optional<FundingSource> source = payments.fundingSource(order.paymentMethod());
                if (source.isPresent() && line.amountDue().isPositive()) {
                    source.get().capture(line.operationKey());
                }
                orders.lineTransition(order.id(), line.lineNo(), open, LineState.COMPLETED, null);
            }
        }
    }

    private void applyOperation(Order order, OrderLine line, DomainOperation operation) {
        OperationState state = operation.state();
        String message = operation.outcomeMessage();
        List<LineState> open = List.of(LineState.PROVISIONING, LineState.PENDING);
        switch (state) {
            case COMPLETED -> orders.lineTransition(order.id(), line.lineNo(), open, LineState.COMPLETED, null);
            case FAILED, REFUSED -> orders.lineTransition(order.id(), line.lineNo(), open, LineState.FAILED,
                    message == null ? "the registry did not do it" : message);
            case HELD_FOR_REVIEW -> orders.lineTransition(order.id(), line.lineNo(), open, LineState.PENDING,
                    "waiting for the operator: " + (message == null ? "" : message));
            default -> orders.lineTransition(order.id(), line.lineNo(), open, LineState.PENDING,
                    message == null ? "waiting for the registry" : message);
        }
    }

    private void failLine(Order order, OrderLine line, String message) {
        payments.fundingSource(order.paymentMethod()).ifPresent(source -> releaseQuietly(source, line.operationKey()));
        orders.lineTransition(order.id(), line.lineNo(), List.of(LineState.PROVISIONING, LineState.WAITING,
                LineState.QUEUED), LineState.FAILED, message);
    }

    /** COMPLETED once every line is final and one was delivered; FAILED when none was (the voucher's use given back). */
    private Order settleOrder(String orderId) {
        Order order = orders.find(orderId).orElseThrow();
        if (order.state() != OrderState.PROVISIONING || !order.lines().stream().allMatch(l -> l.state().isFinal())) {
            return order;
        }
        long delivered = order.lines().stream().filter(l -> l.state() == LineState.COMPLETED).count();
        if (delivered == 0) {
            orders.jdbi().useTransaction(h -> {
                if (orders.transition(h, orderId, List.of(OrderState.PROVISIONING), OrderState.FAILED,
                        "nothing could be delivered; the money held was released")) {
                    vouchers.release(h, orderId);
                }
            });
        } else {
            long failed = order.lines().size() - delivered;
            if (orders.transition(orderId, List.of(OrderState.PROVISIONING), OrderState.COMPLETED,
                    failed == 0 ? null : failed + " of " + order.lines().size() + " lines failed; their money was released")) {
                try {
                    completion.completed(orderId);
                } catch (RuntimeException e) {
                    LOG.error("Order {} completed, but what follows failed; the billing job takes it up", orderId, e);
                }
            }
        }
        return orders.find(orderId).orElseThrow();
    }

    private void cancel(String orderId, EnumSet<OrderState> from, String message) {
        Order order = orders.find(orderId).orElseThrow();
        Optional<FundingSource> source = payments.fundingSource(order.paymentMethod());
        source.ifPresent(s -> order.lines().forEach(line -> releaseQuietly(s, line.operationKey())));
        orders.jdbi().useTransaction(h -> {
            if (orders.transition(h, orderId, from, OrderState.CANCELLED, message)) {
                for (OrderLine line : order.lines()) {
                    orders.lineTransition(h, orderId, line.lineNo(), List.of(LineState.WAITING, LineState.QUEUED),
                            LineState.CANCELLED, null);
                }
                vouchers.release(h, orderId);
            }
        });
    }

    private String fundingSourceId(Order order) {
        return payments.fundingSource(order.paymentMethod()).map(FundingSource::sourceId)
                .orElse(OrderPaymentFunding.SOURCE_ID);
    }

    private static FundingRequest fundingRequest(Order order, OrderLine line) {
        return new FundingRequest(line.operationKey(), order.customerId(), line.chargeKind(), line.amountDue(),
                line.net(), line.vat(), line.domain(), line.domain() == null ? null : Carts.period(line.periodMonths()),
                line.description() + " (order " + order.id() + ")");
    }

    private static void releaseQuietly(FundingSource source, IdempotencyKey key) {
        try {
            if (source.find(key).filter(h -> h.state() == org.kontor.api.funding.FundingHold.State.ACTIVE).isPresent()) {
                source.release(key);
            }
        } catch (RuntimeException e) {
            LOG.warn("Releasing hold {} failed; the funding source's janitor releases it", key, e);
        }
    }
}
