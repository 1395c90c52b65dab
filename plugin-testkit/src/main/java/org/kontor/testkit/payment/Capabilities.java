package org.kontor.testkit.payment;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.kontor.api.outcome.OutcomeStatus;

/**
 * What a payment gateway does, as its conformance test declares it. {@link PaymentGatewayConformance} checks a
 * declared absence as strictly as a presence: a gateway without refunds must refuse every refund, one without
 * webhooks must reject every request to its webhook URL, one without signed timestamps must still accept an old
 * notification. Start from {@link #none()} and add what the gateway offers:
 *
 * <pre>{@code
 * Capabilities.none().withRefunds()
 *         .withWebhooks(Set.of(OutcomeStatus.PROCESSED, OutcomeStatus.ERROR), "acme-signature")
 *         .withReversals()
 *         .withSignedTimestamps(Duration.ofMinutes(5))
 *         .withProvider()
 * }</pre>
 *
 * @param refunds          whether {@code refund} gives money back (else it answers ERROR, e.g. "refunded by the
 *                         operator")
 * @param webhookStatuses  the statuses the provider's notifications settle payments with (may be empty for a gateway
 *                         whose notifications are reversals only)
 * @param reversals        whether notifications also report money taken back (a chargeback, a returned direct debit)
 * @param signatureHeaders the lower-case names of the headers that carry the signature; empty when the gateway takes
 *                         no webhooks. The kit removes them to send an unsigned notification.
 * @param webhookTolerance how old a signed timestamp may be before the notification is refused as a replay, or null
 *                         when the provider signs no timestamp
 * @param callsProvider    whether the gateway calls a remote provider (then the test supplies an unreachable one)
 */
public record Capabilities(boolean refunds, Set<OutcomeStatus> webhookStatuses, boolean reversals,
                           List<String> signatureHeaders, Duration webhookTolerance, boolean callsProvider) {

    public Capabilities {
        webhookStatuses = webhookStatuses.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(webhookStatuses));
        signatureHeaders = signatureHeaders.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        if (webhookTolerance != null && (webhookTolerance.isNegative() || webhookTolerance.isZero())) {
            throw new IllegalArgumentException("a tolerance for signed timestamps must be positive");
        }
    }

    /**
     * @throws IllegalStateException when the declaration contradicts itself: webhooks without a signature header or
     *                               without anything they report, reversals or a timestamp tolerance without webhooks
     */
    void check() {
        boolean notifies = !webhookStatuses.isEmpty() || reversals;
        if (notifies != webhooks()) {
            throw new IllegalStateException("a gateway that takes webhooks names the headers its signature is in "
                    + "(withWebhooks) and what its notifications report: statuses, reversals (withReversals)");
        }
        if (webhookTolerance != null && !webhooks()) {
            throw new IllegalStateException("signed timestamps need webhooks");
        }
    }

    /** No refunds, no webhooks, no signed timestamps, no remote provider: an instruction-only gateway. */
    public static Capabilities none() {
        return new Capabilities(false, Set.of(), false, List.of(), null, false);
    }

    /** This, and refunds of processed payments, in parts too. */
    public Capabilities withRefunds() {
        return new Capabilities(true, webhookStatuses, reversals, signatureHeaders, webhookTolerance, callsProvider);
    }

    /**
     * This, and signed notifications at {@code /hooks/<plugin-id>/}.
     *
     * @param statuses the statuses a notification settles a payment with (a checkout: PROCESSED and ERROR); empty
     *                 when its notifications only report reversals (then add {@link #withReversals()})
     * @param headers  the headers the signature is in
     */
    public Capabilities withWebhooks(Set<OutcomeStatus> statuses, String... headers) {
        Objects.requireNonNull(statuses, "statuses");
        if (headers.length == 0) {
            throw new IllegalArgumentException("name the headers the signature of a notification is in");
        }
        return new Capabilities(refunds, statuses, reversals, List.of(headers), webhookTolerance, callsProvider);
    }

    /** This, and notifications of money the provider took back from a processed payment (a chargeback, a return). */
    public Capabilities withReversals() {
        return new Capabilities(refunds, webhookStatuses, true, signatureHeaders, webhookTolerance, callsProvider);
    }

    /** This, and a signed timestamp in each notification, refused when older than {@code tolerance}. */
    public Capabilities withSignedTimestamps(Duration tolerance) {
        return new Capabilities(refunds, webhookStatuses, reversals, signatureHeaders, Objects.requireNonNull(tolerance),
                callsProvider);
    }

    /** This, and calls to a remote provider, which may be unreachable. */
    public Capabilities withProvider() {
        return new Capabilities(refunds, webhookStatuses, reversals, signatureHeaders, webhookTolerance, true);
    }

    /** Whether the gateway takes webhooks. */
    public boolean webhooks() {
        return !signatureHeaders.isEmpty();
    }
}
