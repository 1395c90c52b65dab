package org.kontor.testkit.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentGateway;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.api.payment.WebhookRequest;
import org.kontor.testkit.TestClock;
import org.kontor.testkit.payment.MemoryGateway.Flaw;

/**
 * The kit run against an in-memory gateway: a correct one passes every test, an instruction-only one passes by its
 * declarations, and each broken rule makes the tests of that rule fail, so none of them passes by accident.
 */
class PaymentGatewayConformanceTest {

    @Test
    void aCorrectGatewayPassesEveryTest() {
        Results results = run(Correct.class);

        assertThat(results.failed()).isEmpty();
        assertThat(results.passed()).hasSizeGreaterThanOrEqualTo(22);
    }

    @Test
    void anInstructionOnlyGatewayPassesByWhatItDeclares() {
        Results results = run(InstructionOnly.class);

        assertThat(results.failed()).isEmpty();
        assertThat(results.passed()).hasSizeGreaterThanOrEqualTo(22);
    }

    @Test
    void eachBrokenRuleFailsItsTests() {
        assertThat(run(IgnoresKey.class).failed()).contains("theSameKeyAgainIsTheSamePaymentNeverASecondCharge",
                "theSameKeyFromSeveralHostsAtOnceIsOnePayment", "aSettledPaymentIsProcessedWithItsReferenceAndAmount");
        assertThat(run(ThrowsWhenUnreachable.class).failed()).containsExactly("anUnreachableProviderIsUndefinedNeverAnException");
        assertThat(run(CanceledWhenUnreachable.class).failed())
                .containsExactly("anUnreachableProviderIsUndefinedNeverAnException");
        assertThat(run(RefundsTooMuch.class).failed()).containsExactlyInAnyOrder(
                "refundsOfPartsAreMadeOnceEachAndNeverExceedThePayment",
                "aRefundOfMoreThanThePaymentIsRefusedAndRefundsNothing");
        assertThat(run(RefundsTwice.class).failed()).containsExactly("refundsOfPartsAreMadeOnceEachAndNeverExceedThePayment");
        assertThat(run(NoSignatureCheck.class).failed()).contains("aTamperedNotificationIsRejectedAndChangesNothing",
                "anUnsignedNotificationIsRejected", "whatCannotBeReadIsRejectedNeverAFailure");
        assertThat(run(NewIdEachDelivery.class).failed())
                .containsExactly("theSameNotificationAgainHasTheSameIdsSoTheHostAppliesItOnce");
        assertThat(run(NoTimestampCheck.class).failed()).containsExactly("aStaleSignedTimestampIsRejectedWhereTheProviderSignsOne");
        assertThat(run(ThrowsOnGarbage.class).failed()).containsExactly("whatCannotBeReadIsRejectedNeverAFailure");
        assertThat(run(TakesAnyMethod.class).failed()).containsExactly("refusesAMethodItDoesNotOfferAndChargesNothing");
        assertThat(run(UndefinedForUnknownKey.class).failed()).containsExactlyInAnyOrder(
                "theStatusOfAKeyNeverUsedIsCanceled", "refusesAMethodItDoesNotOfferAndChargesNothing",
                "refusesACurrencyItDoesNotSupportAndChargesNothing");
    }

    @Test
    void aCapabilityDeclaredAbsentMustBeAbsent() {
        assertThat(run(DeclaresNoRefunds.class).failed()).containsExactlyInAnyOrder(
                "refundsOfPartsAreMadeOnceEachAndNeverExceedThePayment",
                "aRefundOfMoreThanThePaymentIsRefusedAndRefundsNothing",
                "anUnreachableProviderIsUndefinedNeverAnException");
        assertThat(run(DeclaresNoWebhooks.class).failed()).contains("aGenuineNotificationNamesItsPaymentAndStatus",
                "anUnsignedNotificationIsRejected");
        assertThat(run(DeclaresNoTimestamps.class).failed())
                .containsExactly("aStaleSignedTimestampIsRejectedWhereTheProviderSignsOne");
        assertThat(run(DeclaresNoProvider.class).failed()).containsExactly("anUnreachableProviderIsUndefinedNeverAnException");
    }

    /** The kit's methods that failed and passed in one run. */
    private record Results(Set<String> passed, Set<String> failed) {
    }

    private static Results run(Class<?> test) {
        Set<String> passed = new TreeSet<>();
        Set<String> failed = new TreeSet<>();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(test)).build(),
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (id.getSource().orElse(null) instanceof MethodSource method) {
                            (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? passed : failed)
                                    .add(method.getMethodName());
                        }
                    }
                });
        return new Results(passed, failed);
    }

    /** The correct memory gateway, with every capability; subclasses break one rule or declare one wrong. */
    static class Correct extends PaymentGatewayConformance {

        final TestClock clock = TestClock.at(Instant.parse("2030-03-01T12:00:00Z"));
        final MemoryProvider provider = new MemoryProvider();

        Set<Flaw> flaws() {
            return EnumSet.noneOf(Flaw.class);
        }

        @Override
        protected PaymentGateway gateway() {
            return new MemoryGateway(provider, "secret", clock, true, flaws());
        }

        @Override
        protected Capabilities capabilities() {
            return Capabilities.none().withRefunds().withProvider()
                    .withWebhooks(Set.of(OutcomeStatus.PROCESSED, OutcomeStatus.ERROR), MemoryGateway.SIGNATURE)
                    .withReversals()
                    .withSignedTimestamps(MemoryGateway.TOLERANCE);
        }

        @Override
        protected PaymentRequest paymentRequest(IdempotencyKey key) {
            return PaymentRequest.of(key, MemoryGateway.eur("49.99"), PaymentMethodType.CARD, "INV-1", "Hosting", "c-1");
        }

        @Override
        protected void settle(PaymentRequest request, PaymentTransaction payment) {
            provider.capture(payment.gatewayReference());
        }

        @Override
        protected WebhookRequest webhook(Notice notice) {
            String body = "id=" + notice.eventId() + "&reference=" + notice.reference() + "&status="
                    + (notice.isReversal() ? "REVERSAL&amount=" + notice.request().amount().amount() : notice.status());
            return new WebhookRequest(Map.of(MemoryGateway.SIGNATURE, List.of(MemoryGateway.signature("secret",
                    notice.sentAt(), body))), body.getBytes(java.nio.charset.StandardCharsets.UTF_8), "127.0.0.1");
        }

        @Override
        protected Optional<PaymentGateway> unreachableGateway() {
            return Optional.of(new MemoryGateway(provider, "secret", clock, false, flaws()));
        }

        @Override
        protected java.time.Clock clock() {
            return clock;
        }

        @Override
        protected int paymentsAtProvider(PaymentRequest request) {
            return provider.count();
        }
    }

    /** A gateway that takes no refunds, no webhooks and calls no provider, like a bank transfer. */
    static class InstructionOnly extends Correct {
        @Override
        protected PaymentGateway gateway() {
            return new MemoryGateway(provider, "secret", clock, true, flaws()) {
                @Override
                public org.kontor.api.outcome.Outcome<PaymentTransaction> refund(
                        org.kontor.api.payment.RefundRequest request) {
                    return org.kontor.api.outcome.Outcome.error("operator", "refunded by the operator");
                }

                @Override
                public List<org.kontor.api.payment.PaymentNotification> handleWebhook(WebhookRequest request)
                        throws org.kontor.api.payment.WebhookRejectedException {
                    throw new org.kontor.api.payment.WebhookRejectedException("no webhooks");
                }
            };
        }

        @Override
        protected Capabilities capabilities() {
            return Capabilities.none();
        }

        @Override
        protected Optional<PaymentGateway> unreachableGateway() {
            return Optional.empty();
        }
    }

    static class IgnoresKey extends Correct {
        @Override
        Set<Flaw> flaws() {
            return EnumSet.of(Flaw.IGNORES_KEY);
        }
    }

    static class ThrowsWhenUnreachable extends Correct {
        @Override
        Set<Flaw> flaws() {
            return EnumSet.of(Flaw.THROWS_WHEN_UNREACHABLE);
        }
    }

    static class CanceledWhenUnreachable extends Correct {
        @Override
        Set<Flaw> flaws() {
            return EnumSet.of(Flaw.CANCELED_WHEN_UNREACHABLE);
        }
    }

    static class RefundsTooMuch extends Correct {
        @Override
        Set<Flaw> flaws() {
            return EnumSet.of(Flaw.REFUNDS_TOO_MUCH);
        }
    }

    static class RefundsTwice extends Correct {
        @Override
        Set<Flaw> flaws() {
            return EnumSet.of(Flaw.REFUNDS_TWICE);
        }
    }

    static class NoSignatureCheck extends Correct {
        @Override
        Set<Flaw> flaws() {
            return EnumSet.of(Flaw.NO_SIGNATURE_CHECK);
        }
    }

    static class NewIdEachDelivery extends Correct {
        @Override
        Set<Flaw> flaws() {
            return EnumSet.of(Flaw.NEW_ID_EACH_DELIVERY);
        }
    }

    static class NoTimestampCheck extends Correct {
        @Override
        Set<Flaw> flaws() {
            return EnumSet.of(Flaw.NO_TIMESTAMP_CHECK);
        }
    }

    static class ThrowsOnGarbage extends Correct {
        @Override
        Set<Flaw> flaws() {
            return EnumSet.of(Flaw.THROWS_ON_GARBAGE);
        }
    }

    static class TakesAnyMethod extends Correct {
        @Override
        Set<Flaw> flaws() {
            return EnumSet.of(Flaw.TAKES_ANY_METHOD);
        }
    }

    static class UndefinedForUnknownKey extends Correct {
        @Override
        Set<Flaw> flaws() {
            return EnumSet.of(Flaw.UNDEFINED_FOR_UNKNOWN_KEY);
        }
    }

    /** Refunds, but says it does not. */
    static class DeclaresNoRefunds extends Correct {
        @Override
        protected Capabilities capabilities() {
            return Capabilities.none().withProvider()
                    .withWebhooks(Set.of(OutcomeStatus.PROCESSED, OutcomeStatus.ERROR), MemoryGateway.SIGNATURE)
                    .withReversals()
                    .withSignedTimestamps(MemoryGateway.TOLERANCE);
        }
    }

    /** Takes webhooks, but says it does not. */
    static class DeclaresNoWebhooks extends Correct {
        @Override
        protected Capabilities capabilities() {
            return Capabilities.none().withRefunds().withProvider();
        }
    }

    /** Checks signed timestamps, but says it has none. */
    static class DeclaresNoTimestamps extends Correct {
        @Override
        protected Capabilities capabilities() {
            return Capabilities.none().withRefunds().withProvider()
                    .withWebhooks(Set.of(OutcomeStatus.PROCESSED, OutcomeStatus.ERROR), MemoryGateway.SIGNATURE)
                    .withReversals();
        }
    }

    /** Calls a provider, but says it does not. */
    static class DeclaresNoProvider extends Correct {
        @Override
        protected Capabilities capabilities() {
            return Capabilities.none().withRefunds()
                    .withWebhooks(Set.of(OutcomeStatus.PROCESSED, OutcomeStatus.ERROR), MemoryGateway.SIGNATURE)
                    .withReversals()
                    .withSignedTimestamps(MemoryGateway.TOLERANCE);
        }
    }
}
