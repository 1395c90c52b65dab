package org.kontor.host.payments;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.event.PaymentReversed;
import org.kontor.api.event.PaymentSucceeded;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentGateway;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.api.payment.RefundRequest;
import org.kontor.api.risk.RiskSubject;
import org.kontor.host.risk.RiskAssessor;
import org.kontor.host.risk.RiskRecord;
import org.kontor.host.risk.RiskRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes payments through gateways. Every call follows one pattern: the row is written with its idempotency key and
 * committed (UNDEFINED: from here on the gateway may have acted), the gateway is called outside any transaction, its
 * outcome is recorded with a conditional update. A PROCESSED payment's effect is carried out by {@link #apply}, which
 * flips the row's {@code applied} flag exactly once and publishes {@link PaymentSucceeded} in that transaction.
 */
public final class Payments {

    private static final Logger LOG = LoggerFactory.getLogger(Payments.class);

    /** The reason a top-up is refused when its risk assessment reached the operator's threshold. */
    public static final String RISK_REVIEW = "risk-review";

    /**
     * What a customer asks to pay.
     *
     * @param amount       null for what is due; for a top-up at least its net amount, for an invoice a part of what is
     *                     outstanding (more than zero, at most the outstanding amount), for an order exactly its total
     * @param returnOrigin the scheme and host the customer used ({@code https://shop.example}), completing a return
     *                     URL that is a path; may be null
     * @param clientIp     the address the customer asked from, for the risk checks of a top-up; may be null
     */
    public record PayRequest(String customerId, PaymentPurpose purpose, String targetId, String gatewayId,
                             PaymentMethodType method, Money amount, String requestKey, String returnOrigin,
                             String clientIp) {

        public PayRequest(String customerId, PaymentPurpose purpose, String targetId, String gatewayId,
                          PaymentMethodType method, Money amount, String requestKey, String returnOrigin) {
            this(customerId, purpose, targetId, gatewayId, method, amount, requestKey, returnOrigin, null);
        }

        public PayRequest(String customerId, PaymentPurpose purpose, String targetId, String gatewayId,
                          PaymentMethodType method, Money amount, String requestKey) {
            this(customerId, purpose, targetId, gatewayId, method, amount, requestKey, null);
        }
    }

    private final PaymentStore store;
    private final PaymentGateways gateways;
    private final PaymentTargets targets;
    private final EventPublisher events;
    private final PaymentsConfig config;
    private final RiskAssessor risk;
    private final Clock clock;

    public Payments(PaymentStore store, PaymentGateways gateways, PaymentTargets targets, EventPublisher events,
                    PaymentsConfig config, Clock clock) {
        this(store, gateways, targets, events, config, RiskAssessor.NONE, clock);
    }

    /**
     * @param risk asked before a top-up's payment starts; a top-up it holds is refused ({@code risk-review})
     */
    public Payments(PaymentStore store, PaymentGateways gateways, PaymentTargets targets, EventPublisher events,
                    PaymentsConfig config, RiskAssessor risk, Clock clock) {
        this.risk = risk;
        this.store = store;
        this.gateways = gateways;
        this.targets = targets;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    public PaymentStore store() {
        return store;
    }

    /**
     * Starts a customer's payment of their own open target. The same request key again answers the first payment.
     *
     * @throws PaymentException NOT_FOUND for a target that is not the customer's or not open, INVALID for an unknown
     *                          gateway, a currency it does not take or a wrong amount
     */
    public Payment pay(PayRequest request) {
        String requestKey = customerRequestKey(request.customerId(), request.requestKey());
        Optional<Payment> earlier = store.findByRequestKey(requestKey);
        if (earlier.isPresent()) {
            return sameRequest(earlier.get(), request.purpose(), request.targetId());
        }
        PaymentTargets.Due due = targets.due(request.purpose(), request.targetId(), request.customerId())
                .orElseThrow(() -> new PaymentException(PaymentException.Kind.NOT_FOUND, "not-found",
                        "There is no open " + request.purpose().name().toLowerCase(Locale.ROOT).replace('_', '-') + " "
                                + request.targetId() + " of yours."));
        Money amount = amountToPay(request, due);
        if (!amount.isPositive()) {
            throw new PaymentException(PaymentException.Kind.CONFLICT, "nothing-due", "Nothing is due on it.");
        }
        PaymentGateway gateway = gateways.byId(request.gatewayId()).filter(g -> supportsSafely(g, due))
                .orElseThrow(() -> new PaymentException(PaymentException.Kind.INVALID, "gateway-invalid",
                        "No running gateway '" + request.gatewayId() + "' takes " + due.amount().currencyCode() + "."));
        if (request.method() != null && !gateway.methods().contains(request.method())) {
            throw new PaymentException(PaymentException.Kind.INVALID, "method-invalid",
                    "Gateway '" + request.gatewayId() + "' does not offer " + request.method() + "; it offers "
                            + gateway.methods().stream().sorted().toList() + ".");
        }
        PaymentMethodType method = request.method() != null ? request.method()
                : gateway.methods().stream().sorted().findFirst().orElse(PaymentMethodType.OTHER);
        if (request.purpose() == PaymentPurpose.TOP_UP) {
            RiskRecord assessed = risk.assess(new RiskRequest(RiskSubject.Kind.TOP_UP, request.targetId(),
                    due.customerId(), request.clientIp(), amount, request.gatewayId(), false, null, List.of()));
            if (assessed.held()) {
                throw new PaymentException(PaymentException.Kind.CONFLICT, RISK_REVIEW,
                        "This top-up cannot be paid online before our staff have reviewed it; please contact us.");
            }
        }
        String id = PaymentIds.next(request.purpose(), request.targetId());
        NewPayment intent = new NewPayment(id, PaymentKind.PAYMENT, request.purpose(), request.targetId(),
                due.customerId(), request.gatewayId(), method.name(), amount, "pay:" + id.substring(id.length() - 36),
                requestKey, null, null);
        try {
            store.jdbi().useTransaction(h -> store.insert(h, intent, OutcomeStatus.UNDEFINED,
                    clock.instant().plus(config.grace())));
        } catch (RuntimeException e) {
            // two equal requests at once: the other one recorded it
            return store.findByRequestKey(requestKey).map(p -> sameRequest(p, request.purpose(), request.targetId()))
                    .orElseThrow(() -> e);
        }
        URI back = config.returnUrl(id, request.returnOrigin());
        Outcome<PaymentTransaction> outcome = call(() -> gateway.purchase(new PaymentRequest(IdempotencyKey.of(intent.key()),
                intent.amount(), method, request.targetId(), due.description(), due.customerId(), back, back,
                Map.of("paymentId", id))));
        return settle(id, outcome);
    }

    /**
     * The amount a request pays: what is due, unless it names one. A top-up takes at least its net amount (more may
     * carry VAT), an invoice may be paid in part, an order only in full.
     */
    private static Money amountToPay(PayRequest request, PaymentTargets.Due due) {
        Money asked = request.amount();
        if (asked == null) {
            return due.amount();
        }
        if (!asked.currency().equals(due.amount().currency())) {
            throw new PaymentException(PaymentException.Kind.INVALID, "amount-currency",
                    "The amount must be in " + due.amount().currencyCode() + ", not " + asked.currencyCode() + ".");
        }
        return switch (request.purpose()) {
            case TOP_UP -> {
                if (asked.isLessThan(due.amount())) {
                    throw new PaymentException(PaymentException.Kind.INVALID, "amount-below-top-up",
                            "A top-up of " + due.amount() + " needs a payment of at least that amount.");
                }
                yield asked;
            }
            case INVOICE -> {
                if (!asked.isPositive()) {
                    throw new PaymentException(PaymentException.Kind.INVALID, "amount-not-positive",
                            "The amount to pay must be more than 0.");
                }
                if (asked.isGreaterThan(due.amount())) {
                    throw new PaymentException(PaymentException.Kind.INVALID, "amount-exceeds-outstanding",
                            "At most " + due.amount() + " is outstanding on it; " + asked + " is more.");
                }
                yield asked;
            }
            case ORDER -> {
                if (asked.compareTo(due.amount()) != 0) {
                    throw new PaymentException(PaymentException.Kind.INVALID, "amount-not-order-total",
                            "An order is paid in full: " + due.amount() + ".");
                }
                yield asked;
            }
        };
    }

    /** The running gateways that take payments in the currency, in the order of their ids. */
    public List<PaymentGateway> gatewaysFor(Currency currency) {
        return gateways.all().stream().filter(gateway -> {
            try {
                return gateway.supports(currency);
            } catch (RuntimeException e) {
                return false;
            }
        }).sorted(Comparator.comparing(PaymentGateway::gatewayId)).toList();
    }

    /** How the customer knows a target: an invoice's number, else the target's id. */
    public String reference(PaymentPurpose purpose, String targetId) {
        return targets.reference(purpose, targetId);
    }

    /** What is due on a target of the customer's that is open for payment. */
    public Optional<PaymentTargets.Due> due(PaymentPurpose purpose, String targetId, String customerId) {
        return targets.due(purpose, targetId, customerId);
    }

    /** The payment a customer started with this request key, if any. */
    public Optional<Payment> byRequestKey(String customerId, String requestKey) {
        return store.findByRequestKey(customerRequestKey(customerId, requestKey));
    }

    private static String customerRequestKey(String customerId, String requestKey) {
        return "customer:" + customerId + ":" + requestKey;
    }

    private Payment sameRequest(Payment payment, PaymentPurpose purpose, String targetId) {
        if (payment.purpose() != purpose || !payment.targetId().equals(targetId)) {
            throw new PaymentException(PaymentException.Kind.CONFLICT, "idempotency-key-reused",
                    "This Idempotency-Key was used for another payment.");
        }
        return payment;
    }

    /**
     * Records a payment the operator received by other means (a bank transfer matched by hand) on an invoice or a
     * top-up, processed at once. The same request key again answers the first.
     */
    public Payment manual(PaymentPurpose purpose, String targetId, Money amount, String reference, String requestKey) {
        if (purpose == PaymentPurpose.ORDER) {
            throw new PaymentException(PaymentException.Kind.INVALID, "purpose-invalid",
                    "A manual payment is recorded on an invoice or a top-up.");
        }
        String scoped = "operator:" + requestKey;
        Optional<Payment> earlier = store.findByRequestKey(scoped);
        if (earlier.isPresent()) {
            return sameRequest(earlier.get(), purpose, targetId);
        }
        PaymentTargets.Due due = targets.due(purpose, targetId, null)
                .orElseThrow(() -> new PaymentException(PaymentException.Kind.NOT_FOUND, "not-found",
                        "There is no open " + purpose.name().toLowerCase(Locale.ROOT).replace('_', '-') + " " + targetId + "."));
        if (!amount.isPositive() || !amount.currency().equals(due.amount().currency())) {
            throw new PaymentException(PaymentException.Kind.INVALID, "amount-invalid",
                    "The amount must be positive and in " + due.amount().currencyCode() + ".");
        }
        String id = PaymentIds.next(purpose, targetId);
        NewPayment row = new NewPayment(id, PaymentKind.PAYMENT, purpose, targetId, due.customerId(), Payment.MANUAL,
                PaymentMethodType.BANK_TRANSFER.name(), amount, "manual:" + id.substring(id.length() - 36), scoped, null,
                null);
        try {
            store.jdbi().useTransaction(h -> {
                store.insert(h, row, OutcomeStatus.PROCESSED, null);
                h.createUpdate("UPDATE payment SET provider_reference = :reference WHERE id = :id")
                        .bind("reference", reference).bind("id", id).execute();
            });
        } catch (RuntimeException e) {
            return store.findByRequestKey(scoped).map(p -> sameRequest(p, purpose, targetId)).orElseThrow(() -> e);
        }
        apply(id);
        return store.find(id).orElseThrow();
    }

    /**
     * Gives back part or all of a processed payment through its gateway (a manual payment's refund is recorded as
     * processed: the operator pays it back by hand). Refunds together never exceed the payment.
     *
     * @throws PaymentException CONFLICT when the payment is not processed or the amount exceeds what is left
     */
    public Payment refund(String paymentId, Money amount, String reason, String requestKey) {
        String scoped = "operator:" + requestKey;
        Optional<Payment> earlier = store.findByRequestKey(scoped);
        if (earlier.isPresent()) {
            if (!paymentId.equals(earlier.get().refundOf())) {
                throw new PaymentException(PaymentException.Kind.CONFLICT, "idempotency-key-reused",
                        "This Idempotency-Key was used for another payment.");
            }
            return earlier.get();
        }
        Payment payment = store.find(paymentId).filter(p -> p.kind() == PaymentKind.PAYMENT)
                .orElseThrow(() -> new PaymentException(PaymentException.Kind.NOT_FOUND, "not-found",
                        "There is no payment " + paymentId + "."));
        if (!amount.isPositive() || !amount.currency().equals(payment.amount().currency())) {
            throw new PaymentException(PaymentException.Kind.INVALID, "amount-invalid",
                    "The amount must be positive and in " + payment.amount().currencyCode() + ".");
        }
        String id = "refund-" + UUID.randomUUID();
        NewPayment row = new NewPayment(id, PaymentKind.REFUND, payment.purpose(), payment.targetId(),
                payment.customerId(), payment.gatewayId(), payment.method(), amount, "refund:" + id.substring(7), scoped,
                paymentId, reason);
        store.jdbi().useTransaction(h -> {
            store.lock(h, paymentId);
            Payment locked = store.find(h, paymentId).orElseThrow();
            if (locked.status() != OutcomeStatus.PROCESSED) {
                throw new PaymentException(PaymentException.Kind.CONFLICT, "not-processed",
                        "Payment " + paymentId + " is " + locked.status() + "; only a processed payment is refunded.");
            }
            Money left = locked.amount().minus(store.refunded(h, locked));
            if (amount.isGreaterThan(left)) {
                throw new PaymentException(PaymentException.Kind.CONFLICT, "refund-exceeds-payment",
                        "At most " + left + " of payment " + paymentId + " can still be refunded.");
            }
            store.insert(h, row, payment.isManual() ? OutcomeStatus.PROCESSED : OutcomeStatus.UNDEFINED,
                    payment.isManual() ? null : clock.instant().plus(config.grace()));
        });
        if (payment.isManual()) {
            apply(id);
            return store.find(id).orElseThrow();
        }
        Optional<PaymentGateway> gateway = gateways.byId(payment.gatewayId());
        if (gateway.isEmpty()) {
            store.postpone(id, clock.instant().plus(config.grace()), "gateway " + payment.gatewayId() + " is not running");
            return store.find(id).orElseThrow();
        }
        Outcome<PaymentTransaction> outcome = call(() -> gateway.get().refund(new RefundRequest(IdempotencyKey.of(row.key()),
                payment.providerReference() == null ? payment.key().value() : payment.providerReference(), amount,
                reason)));
        return settle(id, outcome);
    }

    /** Records a gateway's answer about an open payment and, when it was processed, carries out its effect. */
    public Payment settle(String paymentId, Outcome<PaymentTransaction> outcome) {
        Payment payment = store.find(paymentId).orElseThrow();
        String reference = outcome.referenceIfPresent()
                .orElse(outcome.valueIfPresent().map(PaymentTransaction::gatewayReference).orElse(null));
        String redirect = outcome.valueIfPresent().flatMap(PaymentTransaction::redirectUrlIfPresent).map(URI::toString)
                .orElse(null);
        // what the customer has to do comes with the first answer that waits for them; a later status answer's message
        // ("waiting for the customer") must not replace a bank transfer's details or stand in for a provider's page
        String instructions = outcome.status() == OutcomeStatus.PENDING && redirect == null
                && payment.redirectUrl() == null && payment.instructions() == null ? outcome.message() : null;
        Instant next = outcome.status().isUnsettled() ? clock.instant().plus(config.backOff(payment.attempts() + 1)) : null;
        String message = outcome.status() == OutcomeStatus.ERROR
                ? outcome.codeIfPresent().map(code -> code + ": ").orElse("") + outcome.message() : outcome.message();
        store.jdbi().useTransaction(h -> store.record(h, paymentId, outcome.status(), reference, redirect, instructions,
                message, next));
        apply(paymentId);
        return store.find(paymentId).orElseThrow();
    }

    /**
     * Carries out a processed payment's effect once: the target's change (repeatable, keyed by the payment), then the
     * {@code applied} flag with {@link PaymentSucceeded} in one transaction. Does nothing for other payments.
     */
    public void apply(String paymentId) {
        apply(store.find(paymentId).orElseThrow());
    }

    /** {@link #apply(String)} for a payment as just read or changed; its {@code applied} flag still decides once. */
    public void apply(Payment payment) {
        String paymentId = payment.id();
        if (payment.status() != OutcomeStatus.PROCESSED || payment.applied()) {
            return;
        }
        if (payment.isMoneyBack()) {
            applyMoneyBack(payment);
            return;
        }
        String invoiceId;
        String problem = null;
        try {
            invoiceId = targets.apply(payment);
        } catch (PaymentTargetException e) {
            // money arrived for a target that no longer takes it (paid or cancelled meanwhile): the operator refunds
            invoiceId = null;
            problem = e.getMessage();
            LOG.warn("Payment {} was processed but {}", paymentId, e.getMessage());
        }
        String booked = invoiceId;
        String note = problem;
        store.jdbi().useTransaction(h -> {
            if (store.markApplied(h, paymentId, note)) {
                events.publish(h, new PaymentSucceeded(paymentId, payment.customerId(), booked, payment.amount(),
                        payment.gatewayId()));
            }
        });
    }

    /**
     * Carries out the effect of a payment this transaction has just made PROCESSED, inside that transaction, when the
     * target writes nothing of its own for it ({@link PaymentTargets#appliesWithoutWrites}); else leaves it to
     * {@link #apply(Payment)} after the commit.
     *
     * @return whether the effect was carried out (or had been before)
     */
    public boolean applyWithin(Handle h, Payment payment) {
        if (payment.status() != OutcomeStatus.PROCESSED || payment.isMoneyBack()
                || !targets.appliesWithoutWrites(payment)) {
            return false;
        }
        String booked = targets.apply(payment);
        if (store.markApplied(h, payment.id(), null)) {
            events.publish(h, new PaymentSucceeded(payment.id(), payment.customerId(), booked, payment.amount(),
                    payment.gatewayId()));
        }
        return true;
    }

    /**
     * Takes a processed refund or reversal off its payment's target once: the invoice it paid is open again for the
     * amount, then {@code applied} flips with {@link PaymentReversed} in one transaction (the prepaid plugin debits a
     * top-up's account on that event).
     */
    private void applyMoneyBack(Payment back) {
        Payment original = store.find(back.refundOf()).orElseThrow();
        String invoiceId = null;
        String problem = null;
        try {
            invoiceId = targets.takeBack(back, original);
        } catch (PaymentTargetException e) {
            problem = e.getMessage();
            LOG.warn("Money back {} on payment {} was not taken off its target: {}", back.id(), original.id(),
                    e.getMessage());
        }
        String booked = invoiceId;
        String note = problem;
        store.jdbi().useTransaction(h -> {
            if (store.markApplied(h, back.id(), note)) {
                events.publish(h, new PaymentReversed(back.id(), original.id(), original.customerId(),
                        original.purpose().name(), original.targetId(), booked, back.amount(), back.gatewayId(),
                        !back.reversal(), back.reason()));
            }
        });
    }

    /**
     * Books a provider's reversal of a processed payment in the caller's transaction, keyed by the notification: a
     * second report of it finds its row. Call {@link #apply(String)} with the answer after the commit.
     *
     * @return the reversal's id, or empty when the payment is not processed
     * @throws IllegalStateException when the reversal takes back more than is left of the payment
     */
    public Optional<String> recordReversal(Handle h, Payment payment, PaymentNotification notification,
                                           String gatewayId) {
        String key = reversalKey(gatewayId, notification.notificationId());
        Optional<Payment> earlier = store.findByKey(h, key);
        if (earlier.isPresent()) {
            return Optional.of(earlier.get().id());
        }
        store.lock(h, payment.id());
        Payment locked = store.find(h, payment.id()).orElseThrow();
        if (locked.status() != OutcomeStatus.PROCESSED || locked.isMoneyBack()) {
            return Optional.empty();
        }
        Money amount = notification.amount();
        if (!amount.currency().equals(locked.amount().currency())) {
            throw new IllegalStateException("the reversal is in " + amount.currencyCode() + ", payment " + locked.id()
                    + " in " + locked.amount().currencyCode());
        }
        Money left = locked.amount().minus(store.refunded(h, locked));
        if (amount.isGreaterThan(left)) {
            throw new IllegalStateException("the reversal of " + amount + " exceeds the " + left + " left of payment "
                    + locked.id());
        }
        String id = "reversal-" + UUID.randomUUID();
        store.insertReversal(h, id, locked, amount, key, notification.notificationId(), notification.reason());
        return Optional.of(id);
    }

    /**
     * Records a gateway's notification about a payment in the caller's transaction: an open payment takes the
     * notified status, a settled one keeps its own (a late or reordered notification changes nothing). Call
     * {@link #apply} after the commit.
     *
     * @return whether the payment took the status
     */
    public boolean recordNotification(Handle h, Payment payment, OutcomeStatus status, String reference) {
        return recordNotification(h, payment, status, reference, null);
    }

    /** {@link #recordNotification(Handle, Payment, OutcomeStatus, String)} with the card the gateway reported. */
    public boolean recordNotification(Handle h, Payment payment, OutcomeStatus status, String reference,
                                      String cardFingerprint) {
        Instant next = status.isUnsettled() ? clock.instant().plus(config.backOff(payment.attempts() + 1)) : null;
        return store.record(h, payment.id(), status, reference, null, null, "notified " + status, next,
                cardFingerprint);
    }

    /** The janitor's question about one open payment: its gateway's status under the payment's key. */
    public Payment check(Payment payment) {
        Optional<PaymentGateway> gateway = gateways.byId(payment.gatewayId());
        if (gateway.isEmpty()) {
            store.postpone(payment.id(), clock.instant().plus(config.backOff(payment.attempts() + 1)),
                    "gateway " + payment.gatewayId() + " is not running");
            return store.find(payment.id()).orElseThrow();
        }
        Outcome<PaymentTransaction> outcome = call(() -> gateway.get().status(payment.key()));
        return settle(payment.id(), outcome);
    }

    /** Open payments due for the janitor's question. */
    public List<Payment> dueForCheck(int limit) {
        return store.dueForCheck(clock.instant(), limit);
    }

    /** Processed payments whose effect a stopped host left undone. */
    public List<Payment> unapplied(int limit) {
        return store.processedUnapplied(clock.instant().minusSeconds(60), limit);
    }

    /** A key of the allowed length that names the provider's notification (ids may be long). */
    private static String reversalKey(String gatewayId, String notificationId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((gatewayId + "\n" + notificationId).getBytes(StandardCharsets.UTF_8));
            return "reversal:" + HexFormat.of().formatHex(digest, 0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Outcome<PaymentTransaction> call(java.util.function.Supplier<Outcome<PaymentTransaction>> call) {
        try {
            Outcome<PaymentTransaction> outcome = call.get();
            return outcome == null ? Outcome.undefined("the gateway answered nothing") : outcome;
        } catch (RuntimeException e) {
            LOG.warn("A payment gateway call failed; the janitor asks again later", e);
            return Outcome.undefined("the gateway call failed: " + e.getClass().getSimpleName());
        }
    }

    private static boolean supportsSafely(PaymentGateway gateway, PaymentTargets.Due due) {
        try {
            return gateway.supports(due.amount().currency());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
