package org.kontor.host.domains;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.kontor.api.domain.DomainName;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.portfolio.PortfolioDomain.State;
import org.kontor.api.registry.DomainInfo;
import org.kontor.api.registry.DomainRegistration;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.DomainTransfer;
import org.kontor.api.registry.RegistryMessage;
import org.kontor.host.provisioning.DomainOperation;
import org.kontor.host.provisioning.DomainOperations;
import org.kontor.host.provisioning.OperationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Empties a registry's poll queue (EPP-4): poll → store → apply → acknowledge, until the registry answers
 * that the queue is empty or {@code maxPerRun} messages were handled.
 *
 * <p>Each message is stored under its id before it is applied and marked applied when its effects have
 * committed; only then is it acknowledged. A message delivered again (the acknowledgement failed, the
 * process died before it) is found applied and only acknowledged. Effects that move money go through
 * {@link DomainOperations#settle}, which changes nothing on an operation already settled, so a crash between
 * applying and marking applied cannot apply a message twice either.
 *
 * <ul>
 *   <li>{@code create-approved} with {@code paTRID} (our operation key): the operation is settled as done (the
 *   hold captured), the domain ACTIVE with the dates the registry's {@code info} gives.</li>
 *   <li>{@code create-rejected}: the operation fails, the hold is released, the domain REJECTED.</li>
 *   <li>{@code transfer-<status>}: a transfer of ours still open is settled (approved: captured and ACTIVE under
 *   the new customer; rejected or cancelled: released); for a domain we hold, an approved transfer means another
 *   registrar took it (TRANSFERRED_AWAY), a pending one is noted in the domain's statuses.</li>
 *   <li>{@code domain-deleted}: the domain is DELETED.</li>
 *   <li>{@code domain-redemption}: the registry deleted the domain into its redemption period; it is REDEMPTION and
 *   can be restored (PA-6), until the instant in {@code restoreUntil} when the message carries one.</li>
 *   <li>anything else is logged, kept for the operator and acknowledged.</li>
 * </ul>
 */
public final class RegistryPoller {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryPoller.class);
    private static final String PENDING_TRANSFER = "pendingTransfer";

    private final RegistryMessages messages;
    private final DomainStore domains;
    private final DomainOperations operations;
    private final int maxPerRun;

    public RegistryPoller(RegistryMessages messages, DomainStore domains, DomainOperations operations, int maxPerRun) {
        this.messages = messages;
        this.domains = domains;
        this.operations = operations;
        this.maxPerRun = maxPerRun;
    }

    /** What one run did. */
    public record Run(int received, int applied, int acknowledged, boolean emptied) {
    }

    /**
     * Polls until the queue is empty or the cap is reached. A failing poll or acknowledgement ends the run;
     * the next run continues where it stopped.
     */
    public Run drain(DomainRegistry registry) {
        int received = 0;
        int applied = 0;
        int acknowledged = 0;
        String registryId = registry.registryId();
        while (received < maxPerRun) {
            Optional<RegistryMessage> next;
            try {
                next = registry.poll();
            } catch (RuntimeException e) {
                LOG.warn("Polling registry {} failed; trying again on the next run", registryId, e);
                return new Run(received, applied, acknowledged, false);
            }
            if (next.isEmpty()) {
                return new Run(received, applied, acknowledged, true);
            }
            RegistryMessage message = next.get();
            received++;
            RegistryMessages.Stored stored = messages.receive(registryId, message);
            if (!stored.applied()) {
                String outcome = apply(registry, message);
                if (!messages.markAppliedAlone(registryId, message.id(), outcome)) {
                    LOG.info("Poll message {} of {} was applied meanwhile by another process", message.id(), registryId);
                }
                applied++;
            }
            try {
                registry.acknowledge(message.id());
            } catch (RuntimeException e) {
                LOG.warn("Acknowledging poll message {} at registry {} failed; it comes again and is only acknowledged then",
                        message.id(), registryId, e);
                return new Run(received, applied, acknowledged, false);
            }
            messages.markAcknowledged(registryId, message.id());
            acknowledged++;
        }
        return new Run(received, applied, acknowledged, false);
    }

    private String apply(DomainRegistry registry, RegistryMessage message) {
        String kind = message.kind().toLowerCase(Locale.ROOT);
        try {
            if (kind.equals("create-approved") || kind.equals("create-rejected")) {
                return createDecided(registry, message, kind.equals("create-approved"));
            }
            if (kind.startsWith("transfer-") && message.domain() != null) {
                return transfer(registry, message, kind.substring("transfer-".length()));
            }
            if (kind.equals("domain-deleted") && message.domain() != null) {
                boolean moved = domains.jdbi().inTransaction(h -> domains.move(h, message.domain(), List.of(), State.DELETED,
                        null, "poll:" + message.id()));
                return moved ? "domain DELETED" : "no such domain";
            }
            if (kind.equals("domain-redemption") && message.domain() != null) {
                Instant until = restoreUntil(message);
                boolean moved = domains.jdbi().inTransaction(h -> domains.redemption(h, message.domain(), until,
                        "poll:" + message.id()));
                return moved ? "domain REDEMPTION" : "no such active domain";
            }
        } catch (RuntimeException e) {
            // Kept for the operator (outcome "failed: ...") and acknowledged, so that one bad message does not block
            // the queue; an operation it would have settled stays UNSETTLED and the janitor settles it through status().
            LOG.error("Could not apply poll message {} ({}) of registry {}", message.id(), message.kind(),
                    registry.registryId(), e);
            return "failed: " + e;
        }
        LOG.warn("Registry {} sent a poll message of unknown kind '{}' ({}); kept for the operator",
                registry.registryId(), message.kind(), message.text());
        return "unknown kind";
    }

    private String createDecided(DomainRegistry registry, RegistryMessage message, boolean approved) {
        String trid = message.data().get("paTRID");
        if (trid == null || trid.isBlank()) {
            return "no paTRID";
        }
        IdempotencyKey key = IdempotencyKey.of(trid);
        Optional<DomainOperation> operation = operations.find(key);
        if (operation.isEmpty()) {
            LOG.warn("Poll message {} of registry {} decides operation {}, which is not ours", message.id(),
                    registry.registryId(), trid);
            return "no matching operation";
        }
        DomainName name = message.domain() != null ? message.domain() : operation.get().domain();
        Outcome<?> outcome;
        if (approved) {
            Optional<DomainInfo> info = info(registry, name);
            outcome = Outcome.processed(DomainRegistration.of(name, info.map(DomainInfo::createdAt).orElse(null),
                    info.map(DomainInfo::expiresAt).orElse(null), info.map(DomainInfo::registryReference).orElse(null)),
                    message.data().get("paSvTRID"));
        } else {
            outcome = Outcome.error("rejected", message.text() == null ? "the registry rejected the create" : message.text());
        }
        OperationState state = operations.settle(key, outcome).orElseThrow();
        return "operation " + trid + " " + state;
    }

    private String transfer(DomainRegistry registry, RegistryMessage message, String status) {
        DomainName name = message.domain();
        boolean approved = status.equals("clientapproved") || status.equals("serverapproved");
        boolean refused = status.equals("clientrejected") || status.equals("clientcancelled")
                || status.equals("servercancelled");
        Optional<DomainOperation> ours = operations.openOn(name).stream()
                .filter(op -> op.kind() == ChargeKind.DOMAIN_TRANSFER && op.state() == OperationState.UNSETTLED)
                .findFirst();
        String by = "poll:" + message.id();
        if (ours.isPresent()) {
            IdempotencyKey key = ours.get().key();
            if (approved) {
                Optional<DomainInfo> info = info(registry, name);
                DomainTransfer done = new DomainTransfer(name, DomainTransfer.Status.SERVER_APPROVED, null, null,
                        info.map(DomainInfo::expiresAt).orElse(null));
                return "transfer " + key.value() + " " + operations.settle(key, Outcome.processed(done, null)).orElseThrow();
            }
            if (refused) {
                return "transfer " + key.value() + " "
                        + operations.settle(key, Outcome.error("transfer-" + status, "the transfer was " + status)).orElseThrow();
            }
            return "transfer " + key.value() + " still " + status;
        }
        Optional<DomainRecord> held = domains.find(name);
        if (held.isEmpty()) {
            return "no such domain";
        }
        return domains.jdbi().inTransaction(h -> {
            DomainRecord record = held.get();
            Set<String> statuses = new TreeSet<>(record.statuses());
            if (approved) {
                if (record.state() == State.PENDING_TRANSFER) {
                    // ours, though no open operation is left (settled by the janitor meanwhile)
                    domains.move(h, name, List.of(State.PENDING_TRANSFER), State.ACTIVE, null, by);
                    return "domain ACTIVE";
                }
                statuses.remove(PENDING_TRANSFER);
                domains.setStatuses(h, name, statuses);
                domains.move(h, name, List.of(State.ACTIVE, State.REDEMPTION), State.TRANSFERRED_AWAY, null, by);
                return "domain TRANSFERRED_AWAY";
            }
            if (refused) {
                statuses.remove(PENDING_TRANSFER);
            } else {
                statuses.add(PENDING_TRANSFER);
            }
            domains.setStatuses(h, name, statuses);
            return "statuses " + String.join(" ", statuses);
        });
    }

    /** The message's {@code restoreUntil} (an ISO instant), or null when it has none or none that can be read. */
    private static Instant restoreUntil(RegistryMessage message) {
        String text = message.data().get("restoreUntil");
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (RuntimeException e) {
            LOG.warn("Poll message {} has an unreadable restoreUntil '{}'; the deadline stays unknown", message.id(), text);
            return null;
        }
    }

    private static Optional<DomainInfo> info(DomainRegistry registry, DomainName name) {
        try {
            return registry.info(name);
        } catch (RuntimeException e) {
            LOG.warn("Registry {} could not give info on {}; the dates follow on the next sync", registry.registryId(), name, e);
            return Optional.empty();
        }
    }
}
