package org.kontor.host.provisioning;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.kontor.api.event.DomainOperationHeldForReview;
import org.kontor.api.event.DomainRegistered;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.mail.MailMessage;
import org.kontor.host.mail.QueuedMailer;
import org.kontor.host.provisioning.DomainOperationStore.OutcomeInfo;

/**
 * What the host tells when a domain operation changes state, written in the transaction that changes it, so the
 * notice exists exactly when the change does: a paid operation parked for the clearing center (EPP-3) gives a
 * {@link DomainOperationHeldForReview} event and an e-mail to the operator's address; a registration or transfer in
 * that completes gives {@link DomainRegistered} (the host creates the domain's DNS zone on it, plugins may listen).
 */
public final class OperationNotices {

    private final EventPublisher events;
    private final QueuedMailer mailer;
    private final Supplier<Optional<String>> operatorAddress;
    private final Clock clock;

    /** @param operatorAddress where notices go (the {@code operator.email} setting); no e-mail when empty */
    public OperationNotices(EventPublisher events, QueuedMailer mailer, Supplier<Optional<String>> operatorAddress, Clock clock) {
        this.events = events;
        this.mailer = mailer;
        this.operatorAddress = operatorAddress;
        this.clock = clock;
    }

    void registered(Handle h, DomainOperation operation, java.time.Instant expiresAt) {
        events.publish(h, new DomainRegistered(operation.domain(), operation.customerId(), expiresAt));
    }

    void parked(Handle h, DomainOperation operation, OutcomeInfo outcome) {
        String reason = outcome == null || outcome.code() == null ? "review" : outcome.code();
        String message = outcome == null || outcome.message() == null ? "" : outcome.message();
        events.publish(h, new DomainOperationHeldForReview(operation.key().value(), operation.customerId(),
                operation.domain().ascii(), operation.kind().name(), operation.registryId(), reason, message,
                clock.instant()));
        operatorAddress.get().filter(address -> !address.isBlank()).ifPresent(address -> mailer.send(h,
                MailMessage.text(address, "Held for review: " + operation.kind().name().toLowerCase(java.util.Locale.ROOT)
                                .replace('_', ' ') + " of " + operation.domain().unicode(),
                        "A paid domain operation waits in the clearing center.\n\n"
                                + "Domain: " + operation.domain().unicode() + " (" + operation.domain().ascii() + ")\n"
                                + "Operation: " + operation.kind() + " " + operation.key().value() + "\n"
                                + "Customer: " + operation.customerId() + "\n"
                                + "Registry: " + operation.registryId() + "\n"
                                + "Reason: " + reason + (message.isEmpty() ? "" : " " + message) + "\n\n"
                                + explanation(reason))));
    }

    private static String explanation(String reason) {
        return switch (reason) {
            case OperationSettlement.BILLING_FAILURE -> "The registry refused for lack of funds on the registrar account "
                    + "(2104 Billing failure). The customer was not charged. Top up the account at the registry, then "
                    + "release the order in the clearing center.\n";
            case "unpaid" -> "The registry did it, but the customer's funds were not held. Charge or write off.\n";
            case "charged-not-done" -> "The customer was charged, but the registry did not do it. Refund or retry.\n";
            default -> "Decide in the clearing center.\n";
        };
    }
}
