package org.kontor.testkit.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
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
import org.kontor.api.payment.WebhookRejectedException;
import org.kontor.api.payment.WebhookRequest;

/**
 * What the host relies on from every {@link PaymentGateway}. A gateway plugin's test extends this class, declares
 * what the gateway offers ({@link #capabilities()}) and says how to make it, how to ask for a payment it takes, how
 * to make its provider settle a payment and, for a gateway with webhooks, what the provider's notifications look
 * like:
 *
 * <pre>{@code
 * @TestInstance(TestInstance.Lifecycle.PER_CLASS)
 * class AcmePayGatewayTest extends PaymentGatewayConformance {
 *     protected PaymentGateway gateway() { return new AcmePayGateway(context); }
 *     protected Capabilities capabilities() {
 *         return Capabilities.none().withRefunds().withProvider()
 *                 .withWebhooks(Set.of(OutcomeStatus.PROCESSED, OutcomeStatus.ERROR), "acme-signature")
 *                 .withReversals().withSignedTimestamps(Duration.ofMinutes(5));
 *     }
 *     protected PaymentRequest paymentRequest(IdempotencyKey key) {
 *         return PaymentRequest.of(key, Money.of("49.00", "EUR"), PaymentMethodType.CARD, "INV-1", "Hosting", "c-1");
 *     }
 *     protected void settle(PaymentRequest request, PaymentTransaction payment) {
 *         acme.complete(payment.gatewayReference());
 *     }
 *     protected WebhookRequest webhook(Notice notice) {
 *         return acme.notification(notice.eventId(), notice.reference(), "succeeded", notice.sentAt());
 *     }
 *     protected Optional<PaymentGateway> unreachableGateway() {
 *         return Optional.of(new AcmePayGateway(contextWithTheApiAtAClosedPort));
 *     }
 * }
 * }</pre>
 *
 * The plugin guide's chapter "Writing a payment gateway" has this example in full.
 *
 * <h2>The contract</h2>
 * <ul>
 *   <li>The host writes a payment with its idempotency key and commits before it calls {@code purchase}, outside any
 *       transaction. The same key again (a retry, a second host, a restarted host with a new instance) is the same
 *       payment: the same provider reference, never a second charge. A new key is a new payment.</li>
 *   <li>Every answer is an {@link Outcome} with one of the five statuses, never null and never an exception for
 *       anything the provider does: an unreachable provider is UNDEFINED (the janitor asks {@code status} later),
 *       a refusal ERROR with a code or message. PROCESSED and PENDING name the provider's reference and the amount
 *       asked for; the host finds the payment of a notification by that reference.</li>
 *   <li>{@code status(key)} answers what became of the purchase made with the key: CANCELED when there was none (the
 *       host then closes the attempt), else what the purchase answered or what it became since.</li>
 *   <li>Refunds are per key too; together they never exceed the payment; too much, an unknown payment or another
 *       currency is ERROR. A gateway without refunds answers ERROR to every refund.</li>
 *   <li>{@code handleWebhook} gets the raw body as the provider sent it. An unsigned, forged or tampered request, or
 *       one the gateway cannot read, throws {@link WebhookRejectedException} (the host answers 400), never another
 *       exception (the host keeps that as FAILED and tries it again for a day). A genuine one names the payment by
 *       its reference and its new status. The host may process a stored request again (a retry, the operator's
 *       replay): the same request must then give the same notification ids, which the host applies once; different
 *       events must have different ids. A signed timestamp older than the gateway's tolerance is refused. A reversal
 *       (a chargeback, a returned direct debit) names the amount taken back, never more than was paid.</li>
 * </ul>
 * A capability the gateway does not have is declared, not skipped: see {@link Capabilities}.
 */
public abstract class PaymentGatewayConformance {

    private static final List<String> SOME_CURRENCIES = List.of("EUR", "USD", "DKK", "CZK", "SEK", "GBP", "CHF", "JPY");
    private static final int THREADS = 4;

    /** The references of payments this kit had settled for a reversal, so each is settled once. */
    private final Set<String> settledReferences = new HashSet<>();

    /**
     * A new instance of the gateway, made as the host makes it. Every instance sees the same provider (or the same
     * database), as a restarted host or a second host would.
     */
    protected abstract PaymentGateway gateway();

    /** What the gateway offers; see {@link Capabilities}. */
    protected abstract Capabilities capabilities();

    /**
     * A payment the gateway takes under {@code key}: a currency it supports, a method it offers, an amount of at least
     * 1.00 (the kit refunds parts of it), and whatever the provider needs set up first (a mandate, a saved card). Each
     * call is a new, independent payment; give it a new customer if the gateway keeps something per customer.
     */
    protected abstract PaymentRequest paymentRequest(IdempotencyKey key);

    /**
     * Makes the provider settle a payment the gateway answered PROCESSED or PENDING: the customer completes the
     * checkout, the bank credits the transfer, the collection passes its return window. Afterwards {@code status} of
     * the request's key answers PROCESSED. Do nothing when the payment was processed at once.
     */
    protected abstract void settle(PaymentRequest request, PaymentTransaction payment);

    /**
     * The request the provider sends to the gateway's webhook URL for {@code notice}, signed as the provider signs it
     * (with the notice's time where it signs a timestamp). Prepare the provider's side first if the event needs it (a
     * collection must be submitted before it can come back); for a reversal the kit has settled the payment already.
     * Needed when {@link #capabilities()} declares webhooks.
     */
    protected WebhookRequest webhook(Notice notice) {
        throw new UnsupportedOperationException("declare webhooks in capabilities() only together with webhook(Notice)");
    }

    /**
     * The gateway with its provider unreachable (its address pointing at a closed port), for a gateway that calls a
     * provider; empty for one that does not, as {@link Capabilities#callsProvider()} declares.
     */
    protected Optional<PaymentGateway> unreachableGateway() {
        return Optional.empty();
    }

    /** The clock the gateway reads, for the age of signed timestamps. */
    protected Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * How many payments the provider holds for the request (charges, transfers awaited, collections), to see that a
     * repeated key charged once; -1 when the test cannot tell, which leaves out only these counts.
     */
    protected int paymentsAtProvider(PaymentRequest request) {
        return -1;
    }

    // ------------------------------------------------------------------------------------------------ identity

    @Test
    void hasAStableIdMethodsAndTheCurrencyOfItsPayments() {
        PaymentGateway gateway = gateway();
        PaymentRequest request = paymentRequest(key("identity"));

        assertThat(gateway.gatewayId()).as("gatewayId").isNotNull().matches("[a-z0-9][a-z0-9-]{0,62}");
        assertThat(gateway().gatewayId()).as("the id of another instance").isEqualTo(gateway.gatewayId());
        assertThat(gateway.methods()).as("methods").isNotNull().isNotEmpty().doesNotContainNull();
        assertThat(gateway.methods()).as("the methods offered contain that of paymentRequest()")
                .contains(request.method());
        assertThat(gateway.supports(request.amount().currency())).as("supports the currency of paymentRequest()")
                .isTrue();
        assertThat(request.amount().isLessThan(Money.of(BigDecimal.ONE, request.amount().currency())))
                .as("paymentRequest() asks for at least 1.00, so that parts can be refunded").isFalse();
        for (String code : SOME_CURRENCIES) {
            assertThatCode(() -> gateway.supports(Currency.getInstance(code))).as("supports(" + code + ")")
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void refusesAMethodItDoesNotOfferAndChargesNothing() {
        PaymentGateway gateway = gateway();
        EnumSet<PaymentMethodType> offered = EnumSet.noneOf(PaymentMethodType.class);
        offered.addAll(gateway.methods());
        for (PaymentMethodType other : EnumSet.complementOf(offered)) {
            PaymentRequest usual = paymentRequest(key("method"));
            PaymentRequest request = new PaymentRequest(usual.key(), usual.amount(), other, usual.reference(),
                    usual.description(), usual.customerId(), usual.returnUrl(), usual.cancelUrl(), usual.metadata());

            Outcome<PaymentTransaction> outcome = checked(gateway.purchase(request), request.amount(), "purchase by " + other);

            assertThat(outcome.status()).as("a purchase by " + other + ", which the gateway does not offer")
                    .isEqualTo(OutcomeStatus.ERROR);
            assertNothingCharged(request.key());
        }
    }

    @Test
    void refusesACurrencyItDoesNotSupportAndChargesNothing() {
        PaymentGateway gateway = gateway();
        for (String code : SOME_CURRENCIES) {
            Currency currency = Currency.getInstance(code);
            if (gateway.supports(currency)) {
                continue;
            }
            PaymentRequest supported = paymentRequest(key("currency"));
            Money amount = Money.rounded(supported.amount().amount(), currency, RoundingMode.HALF_UP);
            PaymentRequest request = new PaymentRequest(supported.key(), amount, supported.method(),
                    supported.reference(), supported.description(), supported.customerId(), supported.returnUrl(),
                    supported.cancelUrl(), supported.metadata());

            Outcome<PaymentTransaction> outcome = checked(gateway.purchase(request), amount, "purchase in " + code);

            assertThat(outcome.status()).as("a purchase in " + code + ", which supports() refuses")
                    .isEqualTo(OutcomeStatus.ERROR);
            assertNothingCharged(request.key());
        }
    }

    // ------------------------------------------------------------------------------------------------ purchase

    @Test
    void aPurchaseIsProcessedOrPendingWithTheProvidersReferenceAndTheAmount() {
        PaymentRequest request = paymentRequest(key("purchase"));

        Outcome<PaymentTransaction> outcome = purchase(gateway(), request);

        assertThat(outcome.status()).as("the purchase of paymentRequest(): " + describe(outcome))
                .isIn(OutcomeStatus.PROCESSED, OutcomeStatus.PENDING);
        assertThat(referenceOf(outcome)).as("the provider's reference").isNotBlank();
        if (paymentsAtProvider(request) >= 0) {
            assertThat(paymentsAtProvider(request)).as("payments at the provider").isEqualTo(1);
        }
    }

    @Test
    void theSameKeyAgainIsTheSamePaymentNeverASecondCharge() {
        PaymentRequest request = paymentRequest(key("again"));
        PaymentGateway gateway = gateway();

        Outcome<PaymentTransaction> first = purchase(gateway, request);
        Outcome<PaymentTransaction> again = purchase(gateway, request);
        Outcome<PaymentTransaction> afterRestart = purchase(gateway(), request);

        assertThat(first.status()).as(describe(first)).isIn(OutcomeStatus.PROCESSED, OutcomeStatus.PENDING);
        assertThat(referenceOf(again)).as("the same key again: " + describe(again)).isEqualTo(referenceOf(first));
        assertThat(referenceOf(afterRestart)).as("the same key from a new instance (a restarted or second host): "
                + describe(afterRestart)).isEqualTo(referenceOf(first));
        assertThat(again.status()).as("the same key again is not refused").isIn(OutcomeStatus.PROCESSED,
                OutcomeStatus.PENDING);
        if (paymentsAtProvider(request) >= 0) {
            assertThat(paymentsAtProvider(request)).as("payments at the provider after three purchases with one key")
                    .isEqualTo(1);
        }
    }

    @Test
    void theSameKeyFromSeveralHostsAtOnceIsOnePayment() throws Exception {
        PaymentRequest request = paymentRequest(key("parallel"));
        List<PaymentGateway> gateways = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            gateways.add(gateway());
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Outcome<PaymentTransaction>> outcomes = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome<PaymentTransaction>>> calls = new ArrayList<>();
            for (PaymentGateway gateway : gateways) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return gateway.purchase(request);
                }));
            }
            start.countDown();
            for (Future<Outcome<PaymentTransaction>> call : calls) {
                outcomes.add(checked(call.get(60, TimeUnit.SECONDS), request.amount(), "a purchase at once"));
            }
        } finally {
            pool.shutdownNow();
        }

        Set<String> references = new HashSet<>();
        for (Outcome<PaymentTransaction> outcome : outcomes) {
            assertThat(outcome.status()).as("one of purchases at once with one key: " + describe(outcome)
                    + " (UNDEFINED, 'ask later', is fine; ERROR or CANCELED is not: the payment was made)")
                    .isIn(OutcomeStatus.PROCESSED, OutcomeStatus.PENDING, OutcomeStatus.UNDEFINED);
            if (outcome.status() != OutcomeStatus.UNDEFINED) {
                references.add(referenceOf(outcome));
            }
        }
        Outcome<PaymentTransaction> status = checked(gateway().status(request.key()), request.amount(), "status");
        assertThat(status.status()).as("status after purchases at once: " + describe(status))
                .isIn(OutcomeStatus.PROCESSED, OutcomeStatus.PENDING);
        references.add(referenceOf(status));
        assertThat(references).as("the references of " + THREADS + " purchases at once with one key, and its status")
                .hasSize(1);
        if (paymentsAtProvider(request) >= 0) {
            assertThat(paymentsAtProvider(request)).as("payments at the provider").isEqualTo(1);
        }
    }

    @Test
    void aNewKeyIsANewPayment() {
        PaymentGateway gateway = gateway();

        Outcome<PaymentTransaction> first = purchase(gateway, paymentRequest(key("first")));
        Outcome<PaymentTransaction> second = purchase(gateway, paymentRequest(key("second")));

        assertThat(first.status()).as(describe(first)).isIn(OutcomeStatus.PROCESSED, OutcomeStatus.PENDING);
        assertThat(second.status()).as(describe(second)).isIn(OutcomeStatus.PROCESSED, OutcomeStatus.PENDING);
        assertThat(referenceOf(second)).as("the reference of a payment under a new key")
                .isNotEqualTo(referenceOf(first));
    }

    @Test
    void theSameKeyWithAnotherAmountIsRefusedOrTheFirstPayment() {
        PaymentRequest request = paymentRequest(key("amount"));
        Money other = request.amount().plus(Money.of(BigDecimal.ONE, request.amount().currency()));
        PaymentRequest changed = new PaymentRequest(request.key(), other, request.method(), request.reference(),
                request.description(), request.customerId(), request.returnUrl(), request.cancelUrl(),
                request.metadata());

        Outcome<PaymentTransaction> first = purchase(gateway(), request);
        Outcome<PaymentTransaction> reused = checked(gateway().purchase(changed), null, "purchase with a used key");

        if (reused.status() != OutcomeStatus.ERROR) {
            assertThat(reused.status()).as("a used key with another amount: " + describe(reused))
                    .isIn(OutcomeStatus.PROCESSED, OutcomeStatus.PENDING);
            assertThat(referenceOf(reused)).as("a used key with another amount answers the first payment")
                    .isEqualTo(referenceOf(first));
            reused.valueIfPresent().ifPresent(value -> assertThat(value.amount())
                    .as("the amount of the first payment").isEqualTo(request.amount()));
        }
        if (paymentsAtProvider(request) >= 0) {
            assertThat(paymentsAtProvider(request)).as("payments at the provider").isEqualTo(1);
        }
    }

    // ------------------------------------------------------------------------------------------------ status

    @Test
    void theStatusOfAKeyNeverUsedIsCanceled() {
        IdempotencyKey unused = key("unused");

        Outcome<PaymentTransaction> status = checked(gateway().status(unused), null, "status of a key never used");

        assertThat(status.status()).as("status of a key no purchase was made with (the host then closes the "
                + "attempt; UNDEFINED would keep it open forever): " + describe(status)).isEqualTo(OutcomeStatus.CANCELED);
    }

    @Test
    void theStatusAfterAPurchaseAgreesWithIt() {
        PaymentRequest request = paymentRequest(key("status"));
        Outcome<PaymentTransaction> purchased = purchase(gateway(), request);

        Outcome<PaymentTransaction> status = checked(gateway().status(request.key()), request.amount(), "status");

        if (purchased.status() == OutcomeStatus.PROCESSED) {
            assertThat(status.status()).as("status of a processed purchase: " + describe(status))
                    .isEqualTo(OutcomeStatus.PROCESSED);
        } else {
            assertThat(status.status()).as("status of a pending purchase: " + describe(status))
                    .isIn(OutcomeStatus.PENDING, OutcomeStatus.PROCESSED);
        }
        assertThat(referenceOf(status)).as("the reference status names").isEqualTo(referenceOf(purchased));
    }

    @Test
    void aSettledPaymentIsProcessedWithItsReferenceAndAmount() {
        PaymentRequest request = paymentRequest(key("settle"));
        Outcome<PaymentTransaction> purchased = purchase(gateway(), request);

        settle(request, transactionOf(purchased, request));
        Outcome<PaymentTransaction> status = checked(gateway().status(request.key()), request.amount(), "status");
        Outcome<PaymentTransaction> again = checked(gateway().purchase(request), request.amount(),
                "purchase again after settling");

        assertThat(status.status()).as("status after settle(): " + describe(status)).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(referenceOf(status)).isEqualTo(referenceOf(purchased));
        assertThat(status.value()).as("a processed status carries the transaction").isNotNull();
        assertThat(status.value().amount()).as("the amount processed").isEqualTo(request.amount());
        assertThat(again.status()).as("the same key after the payment was settled: " + describe(again))
                .isIn(OutcomeStatus.PROCESSED, OutcomeStatus.PENDING);
        assertThat(referenceOf(again)).as("the same key after settling is still the same payment")
                .isEqualTo(referenceOf(purchased));
        if (paymentsAtProvider(request) >= 0) {
            assertThat(paymentsAtProvider(request)).as("payments at the provider").isEqualTo(1);
        }
    }

    // ------------------------------------------------------------------------------------------------ refunds

    @Test
    void refundsOfPartsAreMadeOnceEachAndNeverExceedThePayment() {
        Settled settled = settledPayment("refund");
        Money amount = settled.request().amount();
        Money part = Money.rounded(amount.amount().divide(BigDecimal.valueOf(2)), amount.currency(), RoundingMode.DOWN);
        Money rest = amount.minus(part);
        Money cent = Money.ofMinor(1, amount.currency());
        RefundRequest first = refund(settled, part);

        Outcome<PaymentTransaction> refunded = checked(gateway().refund(first), part, "refund");

        if (!declared().refunds()) {
            assertRefused(refunded, "a refund by a gateway that declares no refunds");
            assertStillProcessed(settled);
            return;
        }
        assertThat(refunded.status()).as("a refund of " + part + " of " + amount + ": " + describe(refunded))
                .isIn(OutcomeStatus.PROCESSED, OutcomeStatus.PENDING);
        Outcome<PaymentTransaction> again = checked(gateway().refund(first), part, "the same refund again");
        assertThat(again.status()).as("the same refund key again: " + describe(again))
                .isIn(OutcomeStatus.PROCESSED, OutcomeStatus.PENDING);
        assertThat(referenceOf(again)).as("the same refund key again is the same refund")
                .isEqualTo(referenceOf(refunded));
        Outcome<PaymentTransaction> restRefunded = checked(gateway().refund(refund(settled, rest)), rest, "refund");
        assertThat(restRefunded.status()).as("a refund of the remaining " + rest + " (only if the repeated key "
                + "refunded nothing more): " + describe(restRefunded)).isIn(OutcomeStatus.PROCESSED, OutcomeStatus.PENDING);
        assertThat(referenceOf(restRefunded)).as("another refund key is another refund")
                .isNotEqualTo(referenceOf(refunded));
        Outcome<PaymentTransaction> beyond = checked(gateway().refund(refund(settled, cent)), cent, "refund");
        assertThat(beyond.status()).as("a refund of " + cent + " after the whole payment was refunded: "
                + describe(beyond)).isEqualTo(OutcomeStatus.ERROR);
    }

    @Test
    void aRefundOfMoreThanThePaymentIsRefusedAndRefundsNothing() {
        Settled settled = settledPayment("over");
        Money amount = settled.request().amount();
        Money more = amount.plus(Money.ofMinor(1, amount.currency()));

        Outcome<PaymentTransaction> refused = checked(gateway().refund(refund(settled, more)), more, "refund");

        assertRefused(refused, "a refund of " + more + " of a payment of " + amount);
        Outcome<PaymentTransaction> whole = checked(gateway().refund(refund(settled, amount)), amount, "refund");
        if (!declared().refunds()) {
            assertRefused(whole, "a refund by a gateway that declares no refunds");
            assertStillProcessed(settled);
            return;
        }
        assertThat(whole.status()).as("a refund of the whole payment after a refused one: " + describe(whole))
                .isIn(OutcomeStatus.PROCESSED, OutcomeStatus.PENDING);
    }

    @Test
    void aRefundOfAnUnknownPaymentOrInAnotherCurrencyIsRefused() {
        Settled settled = settledPayment("foreign");
        Money amount = settled.request().amount();
        Currency other = Currency.getInstance(amount.currency().getCurrencyCode().equals("EUR") ? "USD" : "EUR");
        Money foreign = Money.rounded(amount.amount(), other, RoundingMode.HALF_UP);

        Outcome<PaymentTransaction> unknown = checked(gateway().refund(new RefundRequest(key("refund"),
                "unknown-" + UUID.randomUUID(), amount, "conformance")), amount, "refund");
        Outcome<PaymentTransaction> otherCurrency = checked(gateway().refund(refund(settled, foreign)), foreign, "refund");

        assertRefused(unknown, "a refund of a payment the provider does not know");
        assertRefused(otherCurrency, "a refund in " + other + " of a payment in " + amount.currency());
    }

    // ------------------------------------------------------------------------------------------------ webhooks

    @Test
    void aGenuineNotificationNamesItsPaymentAndStatus() throws Exception {
        if (!declared().webhooks()) {
            assertRejectsEveryWebhook();
            return;
        }
        for (Event event : events()) {
            Purchased purchased = purchased("notify");
            WebhookRequest request = webhook(purchased, event, clock().instant());

            List<PaymentNotification> notifications = accepted(gateway(), request, "a genuine " + event + " notification");

            assertThat(notifications).as("the notifications read from a genuine " + event + " notification")
                    .filteredOn(n -> n.gatewayReference().equals(purchased.reference())).singleElement()
                    .satisfies(n -> {
                        assertThat(n.notificationId()).as("the notification id").isNotBlank();
                        assertThat(n.kind()).as("what the notification does").isEqualTo(event.kind());
                        assertThat(n.status()).as("the status notified").isEqualTo(event.status());
                        Money paid = purchased.request().amount();
                        if (event.reversal()) {
                            assertThat(n.amount()).as("the amount taken back").isNotNull();
                            assertThat(n.amount().isGreaterThan(paid)).as("more taken back than was paid: " + n.amount())
                                    .isFalse();
                        } else if (n.amount() != null) {
                            assertThat(n.amount()).as("the amount notified (the host refuses another)").isEqualTo(paid);
                        }
                    });
        }
    }

    @Test
    void theSameNotificationAgainHasTheSameIdsSoTheHostAppliesItOnce() throws Exception {
        if (!declared().webhooks()) {
            assertRejectsEveryWebhook();
            return;
        }
        Purchased purchased = purchased("redeliver");
        WebhookRequest request = webhook(purchased, firstEvent(), clock().instant());

        List<PaymentNotification> first = accepted(gateway(), request, "a genuine notification");
        List<PaymentNotification> again = accepted(gateway(), request, "the same notification again");
        List<PaymentNotification> afterRestart = accepted(gateway(), request, "the same notification again");

        assertThat(first).as("notifications of a genuine request").isNotEmpty();
        assertThat(again).as("the same request processed again (a retry or the operator's replay) gives the same "
                + "notifications, which the host then applies once").isEqualTo(first);
        assertThat(afterRestart).as("the same request again, read by a new instance").isEqualTo(first);
    }

    @Test
    void differentNotificationsHaveDifferentIds() throws Exception {
        if (!declared().webhooks()) {
            assertRejectsEveryWebhook();
            return;
        }
        Purchased one = purchased("one");
        Purchased two = purchased("two");
        List<PaymentNotification> all = new ArrayList<>();

        all.addAll(accepted(gateway(), webhook(one, firstEvent(), clock().instant()), "a notification"));
        all.addAll(accepted(gateway(), webhook(two, firstEvent(), clock().instant()), "a notification"));
        List<Event> events = events();
        if (events.size() > 1) {
            Purchased three = purchased("three");
            all.addAll(accepted(gateway(), webhook(three, events.get(0), clock().instant()), "a notification"));
            all.addAll(accepted(gateway(), webhook(three, events.get(1), clock().instant()),
                    "a second notification about one payment"));
        }

        assertThat(all).as("notifications of different events").extracting(PaymentNotification::notificationId)
                .doesNotHaveDuplicates().hasSize(events.size() > 1 ? 4 : 2);
    }

    @Test
    void aTamperedNotificationIsRejectedAndChangesNothing() throws Exception {
        if (!declared().webhooks()) {
            assertRejectsEveryWebhook();
            return;
        }
        Purchased signed = purchased("signed");
        Purchased other = purchased("other");
        WebhookRequest genuine = webhook(signed, firstEvent(), clock().instant());
        WebhookRequest otherGenuine = webhook(other, firstEvent(), clock().instant());
        OutcomeStatus before = gateway().status(other.request().key()).status();
        byte[] flipped = genuine.body();
        flipped[flipped.length / 2] ^= 1;

        assertRejected(new WebhookRequest(genuine.headers(), otherGenuine.body(), genuine.remoteAddress()),
                "the signature of one notification over the body of another");
        assertRejected(new WebhookRequest(genuine.headers(), flipped, genuine.remoteAddress()),
                "a notification with one bit changed after signing");

        assertThat(gateway().status(other.request().key()).status())
                .as("the status of the payment a rejected notification names").isEqualTo(before);
    }

    @Test
    void anUnsignedNotificationIsRejected() throws Exception {
        if (!declared().webhooks()) {
            assertRejectsEveryWebhook();
            return;
        }
        Purchased purchased = purchased("unsigned");
        WebhookRequest genuine = webhook(purchased, firstEvent(), clock().instant());
        Map<String, List<String>> unsigned = new LinkedHashMap<>(genuine.headers());
        Map<String, List<String>> empty = new LinkedHashMap<>(genuine.headers());
        for (String header : declared().signatureHeaders()) {
            assertThat(genuine.headers()).as("webhook(notice) signs in the declared header " + header)
                    .containsKey(header);
            unsigned.remove(header);
            empty.put(header, List.of(""));
        }

        assertRejected(new WebhookRequest(unsigned, genuine.body(), genuine.remoteAddress()),
                "a notification without its signature headers " + declared().signatureHeaders());
        assertRejected(new WebhookRequest(empty, genuine.body(), genuine.remoteAddress()),
                "a notification with empty signature headers");
        assertRejected(new WebhookRequest(Map.of(), genuine.body(), genuine.remoteAddress()),
                "a notification without any header");
    }

    @Test
    void aStaleSignedTimestampIsRejectedWhereTheProviderSignsOne() throws Exception {
        if (!declared().webhooks()) {
            assertRejectsEveryWebhook();
            return;
        }
        Instant now = clock().instant();
        Duration tolerance = declared().webhookTolerance();
        if (tolerance == null) {
            Purchased old = purchased("old");
            accepted(gateway(), webhook(old, firstEvent(), now.minus(Duration.ofDays(30))),
                    "a 30 days old notification to a gateway that declares no signed timestamps");
            return;
        }
        Purchased recent = purchased("recent");
        Purchased stale = purchased("stale");

        accepted(gateway(), webhook(recent, firstEvent(), now.minus(tolerance.dividedBy(2))),
                "a notification signed within the tolerance of " + tolerance);
        assertRejected(webhook(stale, firstEvent(), now.minus(tolerance).minus(Duration.ofMinutes(1))),
                "a notification signed longer ago than the tolerance of " + tolerance + " (a replay)");
    }

    @Test
    void whatCannotBeReadIsRejectedNeverAFailure() {
        Map<String, List<String>> forged = new HashMap<>();
        for (String header : declared().signatureHeaders()) {
            forged.put(header, List.of("t=" + clock().instant().getEpochSecond() + ",v1=" + "0".repeat(64)));
        }

        assertRejected(new WebhookRequest(Map.of(), new byte[0], "127.0.0.1"), "an empty request");
        assertRejected(new WebhookRequest(forged, new byte[] {(byte) 0xff, 0, (byte) 0xfe, 1, 2},
                "127.0.0.1"), "a binary body with a forged signature");
        assertRejected(new WebhookRequest(forged, "{\"id\":\"evt_1\",\"reference\":\"pay_1\",\"status\":\"PROCESSED\"}"
                .getBytes(StandardCharsets.UTF_8), "127.0.0.1"), "a JSON body with a forged signature");
        assertRejected(new WebhookRequest(forged, "id=evt_1&event=evt_1&reference=pay_1&status=PROCESSED"
                .getBytes(StandardCharsets.UTF_8), "127.0.0.1"), "a form body with a forged signature");
    }

    // ------------------------------------------------------------------------------------------------ provider

    @Test
    void anUnreachableProviderIsUndefinedNeverAnException() {
        Optional<PaymentGateway> unreachable = unreachableGateway();
        if (!declared().callsProvider()) {
            assertThat(unreachable).as("unreachableGateway() of a gateway that declares it calls no provider")
                    .isEmpty();
            return;
        }
        assertThat(unreachable).as("unreachableGateway() of a gateway that calls a provider").isPresent();
        Settled settled = settledPayment("offline");
        PaymentGateway gateway = unreachable.get();
        PaymentRequest request = paymentRequest(key("unreachable"));
        Money paid = settled.request().amount();

        Outcome<PaymentTransaction> purchase = checked(gateway.purchase(request), request.amount(), "purchase");
        Outcome<PaymentTransaction> status = checked(gateway.status(request.key()), request.amount(), "status");
        Outcome<PaymentTransaction> refund = checked(gateway.refund(refund(settled, paid)), paid, "refund");
        Outcome<PaymentTransaction> unknown = checked(gateway.refund(new RefundRequest(key("refund"),
                "unreachable-" + UUID.randomUUID(), request.amount(), "conformance")), request.amount(), "refund");

        assertThat(purchase.status()).as("a purchase the provider may or may not have received: " + describe(purchase))
                .isEqualTo(OutcomeStatus.UNDEFINED);
        assertThat(status.status()).as("status when the provider cannot be asked (CANCELED would close a payment "
                + "that may have been made): " + describe(status)).isEqualTo(OutcomeStatus.UNDEFINED);
        if (declared().refunds()) {
            assertThat(refund.status()).as("a refund of a settled payment, which the provider may or may not have "
                    + "received: " + describe(refund)).isEqualTo(OutcomeStatus.UNDEFINED);
        } else {
            assertRefused(refund, "a refund by a gateway that declares no refunds");
        }
        // a gateway that records its payments knows an unknown one without asking; one that asks cannot tell yet
        assertThat(unknown.status()).as("a refund of a payment nobody made: " + describe(unknown))
                .isIn(OutcomeStatus.ERROR, OutcomeStatus.UNDEFINED);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A new idempotency key for one call of this kit: {@code conformance:<what>:<uuid>}. */
    protected static IdempotencyKey key(String what) {
        return IdempotencyKey.of("conformance:" + what + ":" + UUID.randomUUID());
    }

    private record Purchased(PaymentRequest request, Outcome<PaymentTransaction> outcome, PaymentTransaction payment) {
        String reference() {
            return payment.gatewayReference();
        }
    }

    private record Settled(PaymentRequest request, String reference) {
    }

    private Purchased purchased(String what) {
        PaymentRequest request = paymentRequest(key(what));
        Outcome<PaymentTransaction> outcome = purchase(gateway(), request);
        assertThat(outcome.status()).as("the purchase of paymentRequest(): " + describe(outcome))
                .isIn(OutcomeStatus.PROCESSED, OutcomeStatus.PENDING);
        return new Purchased(request, outcome, transactionOf(outcome, request));
    }

    private Settled settledPayment(String what) {
        Purchased purchased = purchased(what);
        settle(purchased.request(), purchased.payment());
        Outcome<PaymentTransaction> status = checked(gateway().status(purchased.request().key()),
                purchased.request().amount(), "status");
        assertThat(status.status()).as("status after settle(): " + describe(status)).isEqualTo(OutcomeStatus.PROCESSED);
        return new Settled(purchased.request(), purchased.reference());
    }

    private static RefundRequest refund(Settled settled, Money amount) {
        return new RefundRequest(key("refund"), settled.reference(), amount, "conformance");
    }

    /** One kind of notification the gateway declares. */
    private record Event(OutcomeStatus status, PaymentNotification.Kind kind) {
        boolean reversal() {
            return kind == PaymentNotification.Kind.REVERSAL;
        }

        @Override
        public String toString() {
            return reversal() ? "reversal" : status.toString();
        }
    }

    /** The notifications the gateway declares: its statuses, then reversals. */
    private List<Event> events() {
        List<Event> events = new ArrayList<>();
        declared().webhookStatuses().forEach(status -> events.add(new Event(status, PaymentNotification.Kind.PAYMENT)));
        if (declared().reversals()) {
            events.add(new Event(OutcomeStatus.PROCESSED, PaymentNotification.Kind.REVERSAL));
        }
        return events;
    }

    private Event firstEvent() {
        return events().get(0);
    }

    /** The provider's notification of {@code event}; a payment is settled before money is taken back from it. */
    private WebhookRequest webhook(Purchased purchased, Event event, Instant sentAt) {
        if (event.reversal() && settledReferences.add(purchased.reference())) {
            settle(purchased.request(), purchased.payment());
        }
        return webhook(new Notice(purchased.request(), purchased.payment(), event.status(), event.kind(),
                "evt-" + UUID.randomUUID(), sentAt));
    }

    /** The capabilities, checked for contradictions. */
    private Capabilities declared() {
        Capabilities capabilities = capabilities();
        try {
            capabilities.check();
        } catch (IllegalStateException e) {
            fail("capabilities() contradicts itself: " + e.getMessage());
        }
        return capabilities;
    }

    private Outcome<PaymentTransaction> purchase(PaymentGateway gateway, PaymentRequest request) {
        return checked(gateway.purchase(request), request.amount(), "purchase");
    }

    private static PaymentTransaction transactionOf(Outcome<PaymentTransaction> outcome, PaymentRequest request) {
        return outcome.valueIfPresent().filter(value -> value.gatewayReference() != null)
                .orElseGet(() -> new PaymentTransaction(referenceOf(outcome), request.amount(), null, null));
    }

    /** The provider's reference as the host records it: the outcome's, else its transaction's. */
    private static String referenceOf(Outcome<PaymentTransaction> outcome) {
        return outcome.referenceIfPresent()
                .orElse(outcome.valueIfPresent().map(PaymentTransaction::gatewayReference).orElse(null));
    }

    /**
     * Checks what every answer must be: an outcome with a status; PROCESSED and PENDING naming the provider's
     * reference (the same in the outcome and its transaction) and, when {@code amount} is given, that amount; ERROR
     * with a code or a message; a redirect only to an absolute http(s) address.
     */
    private static Outcome<PaymentTransaction> checked(Outcome<PaymentTransaction> outcome, Money amount, String call) {
        assertThat(outcome).as(call + " answered null").isNotNull();
        assertThat(outcome.status()).as(call + ": status").isNotNull();
        if (outcome.status() == OutcomeStatus.PROCESSED || outcome.status() == OutcomeStatus.PENDING) {
            assertThat(referenceOf(outcome)).as(call + " answered " + outcome.status() + " without the provider's "
                    + "reference").isNotBlank();
            outcome.valueIfPresent().ifPresent(value -> {
                if (outcome.reference() != null && value.gatewayReference() != null) {
                    assertThat(value.gatewayReference()).as(call + ": the transaction's reference and the outcome's")
                            .isEqualTo(outcome.reference());
                }
                if (amount != null) {
                    assertThat(value.amount()).as(call + ": the amount").isEqualTo(amount);
                }
                value.redirectUrlIfPresent().ifPresent(url -> {
                    assertThat(url.isAbsolute()).as(call + ": redirect " + url + " is absolute").isTrue();
                    assertThat(url.getScheme()).as(call + ": redirect " + url).isIn("https", "http");
                });
            });
        }
        if (outcome.status() == OutcomeStatus.ERROR) {
            assertThat(Optional.ofNullable(outcome.code()).orElse("") + Optional.ofNullable(outcome.message()).orElse(""))
                    .as(call + " answered ERROR without a code or message").isNotBlank();
        }
        return outcome;
    }

    private static void assertRefused(Outcome<PaymentTransaction> outcome, String what) {
        assertThat(outcome.status()).as(what + ": " + describe(outcome)).isEqualTo(OutcomeStatus.ERROR);
    }

    private void assertStillProcessed(Settled settled) {
        assertThat(gateway().status(settled.request().key()).status()).as("the payment after a refused refund")
                .isEqualTo(OutcomeStatus.PROCESSED);
    }

    private void assertNothingCharged(IdempotencyKey key) {
        Outcome<PaymentTransaction> status = checked(gateway().status(key), null, "status of a refused purchase");
        assertThat(status.status()).as("status of a refused purchase: " + describe(status))
                .isIn(OutcomeStatus.CANCELED, OutcomeStatus.ERROR);
    }

    private static List<PaymentNotification> accepted(PaymentGateway gateway, WebhookRequest request, String what) {
        try {
            List<PaymentNotification> notifications = gateway.handleWebhook(request);
            assertThat(notifications).as(what + ": the notifications").isNotNull().doesNotContainNull();
            return notifications;
        } catch (WebhookRejectedException e) {
            return fail(what + " was rejected: " + e.getMessage(), e);
        }
    }

    private void assertRejected(WebhookRequest request, String what) {
        assertThatThrownBy(() -> gateway().handleWebhook(request)).as(what + " (only WebhookRejectedException makes "
                + "the host answer 400; anything else is kept as FAILED and tried again)")
                .isInstanceOf(WebhookRejectedException.class);
    }

    private void assertRejectsEveryWebhook() {
        assertThat(declared().webhooks()).isFalse();
        Purchased purchased = purchased("no-webhooks");
        WebhookRequest offered;
        try {
            offered = webhook(new Notice(purchased.request(), purchased.payment(), OutcomeStatus.PROCESSED,
                    PaymentNotification.Kind.PAYMENT, "evt-" + UUID.randomUUID(), clock().instant()));
        } catch (UnsupportedOperationException e) {
            offered = null;
        }
        if (offered != null) {
            assertRejected(offered, "the notification webhook(notice) makes, to a gateway that declares no webhooks");
        }
        assertRejected(new WebhookRequest(Map.of(), new byte[0], "127.0.0.1"),
                "a request to a gateway that declares no webhooks");
        assertRejected(new WebhookRequest(Map.of("content-type", List.of("application/json")),
                "{\"id\":\"evt_1\",\"type\":\"payment.succeeded\"}".getBytes(StandardCharsets.UTF_8), "127.0.0.1"),
                "a JSON notification to a gateway that declares no webhooks");
    }

    private static String describe(Outcome<PaymentTransaction> outcome) {
        return outcome == null ? "null" : outcome.status() + Optional.ofNullable(outcome.code()).map(c -> " " + c)
                .orElse("") + Optional.ofNullable(outcome.message()).map(m -> " (" + m + ")").orElse("");
    }
}
