package org.kontor.testkit.payment;

import java.time.Duration;
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
 *         .withSignedTimestamps(Duration.ofMinutes(5))
 *         .withProvider()
 * }</pre>
 *
 * @param refunds          whether {@code refund} gives money back (else it answers ERROR, e.g. "refunded by the
 *                         operator")
 * @param webhookStatuses  the statuses the provider's notifications can carry; empty when the gateway takes no webhooks
 * @param signatureHeaders the lower-case names of the headers that carry the signature; the kit removes them to
 *                         send an unsigned notification
 * @param webhookTolerance how old a signed timestamp may be before the notification is refused as a replay, or null
 *                         when the provider signs no timestamp
 * @param callsProvider    whether the gateway calls a remote provider (then the test supplies an unreachable one)
 */
public record Capabilities(boolean refunds, Set<OutcomeStatus> webhookStatuses, List<String> signatureHeaders,
                           Duration webhookTolerance, boolean callsProvider) {

    public Capabilities {
        webhookStatuses = webhookStatuses.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(EnumSet.copyOf(webhookStatuses));
        signatureHeaders = signatureHeaders.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        if (!webhookStatuses.isEmpty() && signatureHeaders.isEmpty()) {
            throw new IllegalArgumentException("a gateway that takes webhooks names the headers its signature is in");
        }
        if (webhookTolerance != null
                && (webhookStatuses.isEmpty() || webhookTolerance.isNegative() || webhookTolerance.isZero())) {
            throw new IllegalArgumentException("a tolerance for signed timestamps needs webhooks and must be positive");
        }
    }

    /** No refunds, no webhooks, no signed timestamps, no remote provider: an instruction-only gateway. */
    public static Capabilities none() {
        return new Capabilities(false, Set.of(), List.of(), null, false);
    }

    /** This, and refunds of processed payments, in parts too. */
    public Capabilities withRefunds() {
        return new Capabilities(true, webhookStatuses, signatureHeaders, webhookTolerance, callsProvider);
    }

    /**
     * This, and signed notifications at {@code /hooks/<plugin-id>/}.
     *
     * @param statuses the statuses a notification can carry (a return notice: ERROR; a checkout: PROCESSED and ERROR)
     * @param headers  the headers the signature is in
     */
    public Capabilities withWebhooks(Set<OutcomeStatus> statuses, String... headers) {
        Objects.requireNonNull(statuses, "statuses");
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("a gateway with webhooks names at least one status they carry");
        }
        return new Capabilities(refunds, statuses, List.of(headers), webhookTolerance, callsProvider);
    }

    /** This, and a signed timestamp in each notification, refused when older than {@code tolerance}. */
    public Capabilities withSignedTimestamps(Duration tolerance) {
        return new Capabilities(refunds, webhookStatuses, signatureHeaders, Objects.requireNonNull(tolerance),
                callsProvider);
    }

    /** This, and calls to a remote provider, which may be unreachable. */
    public Capabilities withProvider() {
        return new Capabilities(refunds, webhookStatuses, signatureHeaders, webhookTolerance, true);
    }

    /** Whether the gateway takes webhooks. */
    public boolean webhooks() {
        return !webhookStatuses.isEmpty();
    }
}
