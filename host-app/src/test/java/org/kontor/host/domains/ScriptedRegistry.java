package org.kontor.host.domains;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Tld;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.registry.ContactHandle;
import org.kontor.api.registry.CreateContact;
import org.kontor.api.registry.DeleteDomain;
import org.kontor.api.registry.DomainAvailability;
import org.kontor.api.registry.DomainInfo;
import org.kontor.api.registry.DomainRegistration;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.DomainTransfer;
import org.kontor.api.registry.RegisterDomain;
import org.kontor.api.registry.RegistryBalance;
import org.kontor.api.registry.RegistryCapability;
import org.kontor.api.registry.RegistryMessage;
import org.kontor.api.registry.RenewDomain;
import org.kontor.api.registry.RestoreDomain;
import org.kontor.api.registry.TransferAction;
import org.kontor.api.registry.TransferDomain;
import org.kontor.api.registry.UpdateDomain;

/**
 * A registry double without network: billable commands answer as scripted (PROCESSED by default, with
 * dates), the poll queue holds the messages a test puts in and gives the oldest until it is acknowledged,
 * and the balance is whatever the test sets.
 */
public final class ScriptedRegistry implements DomainRegistry {

    public static final Instant CREATED = Instant.parse("2026-01-10T10:00:00Z");

    private final String id;
    private final Set<Tld> tlds;
    private final Deque<RegistryMessage> queue = new ArrayDeque<>();
    private final Map<DomainName, Outcome<?>> answers = new HashMap<>();
    private final Map<DomainName, Instant> expiries = new HashMap<>();
    private final Map<IdempotencyKey, Outcome<DomainRegistration>> statuses = new HashMap<>();
    public final List<String> acknowledged = new ArrayList<>();
    public final List<String> deleted = new ArrayList<>();
    public final AtomicInteger billableCalls = new AtomicInteger();
    private int failAcknowledgements;
    private RegistryBalance balance;

    public ScriptedRegistry(String id, String... tlds) {
        this.id = id;
        this.tlds = java.util.Arrays.stream(tlds).map(Tld::of).collect(java.util.stream.Collectors.toSet());
    }

    public ScriptedRegistry answer(DomainName name, Outcome<?> outcome) {
        answers.put(name, outcome);
        return this;
    }

    public ScriptedRegistry status(IdempotencyKey key, Outcome<DomainRegistration> outcome) {
        statuses.put(key, outcome);
        return this;
    }

    public synchronized ScriptedRegistry enqueue(RegistryMessage message) {
        queue.addLast(message);
        return this;
    }

    public synchronized int queued() {
        return queue.size();
    }

    public synchronized ScriptedRegistry failNextAcknowledgements(int count) {
        failAcknowledgements = count;
        return this;
    }

    public ScriptedRegistry balance(RegistryBalance balance) {
        this.balance = balance;
        return this;
    }

    public Instant expiryOf(DomainName name) {
        return expiries.get(name);
    }

    public ScriptedRegistry holds(DomainName name, Instant expiry) {
        expiries.put(name, expiry);
        return this;
    }

    @Override
    public String registryId() {
        return id;
    }

    @Override
    public Set<Tld> tlds() {
        return tlds;
    }

    @Override
    public Set<RegistryCapability> capabilities() {
        return EnumSet.of(RegistryCapability.POLL, RegistryCapability.BALANCE, RegistryCapability.TRANSFER,
                RegistryCapability.DELETE, RegistryCapability.RESTORE);
    }

    @Override
    public List<DomainAvailability> check(List<DomainName> names) {
        return names.stream().map(DomainAvailability::available).toList();
    }

    @Override
    public Outcome<ContactHandle> createContact(CreateContact command) {
        return Outcome.error("unsupported", "no contacts here");
    }

    @Override
    public Outcome<DomainRegistration> register(RegisterDomain command) {
        return billable(command.key(), command.name(), CREATED.atOffset(ZoneOffset.UTC).plusYears(1).toInstant());
    }

    @Override
    public Outcome<DomainRegistration> renew(RenewDomain command) {
        Instant current = expiries.getOrDefault(command.name(),
                command.currentExpiry().atStartOfDay().toInstant(ZoneOffset.UTC));
        return billable(command.key(), command.name(),
                current.atOffset(ZoneOffset.UTC).plusMonths(command.period().inMonths()).toInstant());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Outcome<DomainTransfer> requestTransfer(TransferDomain command) {
        billableCalls.incrementAndGet();
        Outcome<?> scripted = answers.get(command.name());
        if (scripted != null) {
            return (Outcome<DomainTransfer>) scripted;
        }
        Instant expiry = CREATED.atOffset(ZoneOffset.UTC).plusYears(2).toInstant();
        expiries.put(command.name(), expiry);
        return Outcome.processed(new DomainTransfer(command.name(), DomainTransfer.Status.SERVER_APPROVED, CREATED,
                CREATED, expiry), command.key().value());
    }

    @Override
    public Outcome<DomainTransfer> transferAction(TransferAction command) {
        return Outcome.error("unsupported", "no");
    }

    @Override
    public Optional<DomainInfo> info(DomainName name) {
        Instant expiry = expiries.get(name);
        Set<String> statuses = redemptionAfterDelete && deleted.contains(name.ascii()) ? Set.of("pendingDelete")
                : Set.of("ok");
        return expiry == null ? Optional.empty() : Optional.of(new DomainInfo(name, "ROID-" + name.ascii(), statuses,
                null, null, null, CREATED, expiry, "us", null));
    }

    @Override
    public Outcome<DomainInfo> update(UpdateDomain command) {
        return Outcome.error("unsupported", "no");
    }

    /** Like an RFC 3915 registry: a deleted domain stays in its redemption period (status pendingDelete). */
    volatile boolean redemptionAfterDelete;

    @Override
    public Outcome<Void> delete(DeleteDomain command) {
        deleted.add(command.name().ascii());
        return Outcome.processed(null, command.key().value());
    }

    @Override
    public Outcome<DomainRegistration> restore(RestoreDomain command) {
        return billable(command.key(), command.name(), expiries.get(command.name()));
    }

    @Override
    public Outcome<DomainRegistration> status(IdempotencyKey key, DomainName name) {
        return statuses.getOrDefault(key, Outcome.undefined("cannot tell yet"));
    }

    @Override
    public Optional<RegistryBalance> registryBalance() {
        return Optional.ofNullable(balance);
    }

    @Override
    public synchronized Optional<RegistryMessage> poll() {
        return Optional.ofNullable(queue.peekFirst());
    }

    @Override
    public synchronized void acknowledge(String messageId) {
        if (failAcknowledgements > 0) {
            failAcknowledgements--;
            throw new IllegalStateException("connection reset during poll ack");
        }
        acknowledged.add(messageId);
        queue.removeIf(m -> m.id().equals(messageId));
    }

    @SuppressWarnings("unchecked")
    private Outcome<DomainRegistration> billable(IdempotencyKey key, DomainName name, Instant newExpiry) {
        billableCalls.incrementAndGet();
        Outcome<?> scripted = answers.get(name);
        if (scripted != null) {
            return (Outcome<DomainRegistration>) scripted;
        }
        expiries.put(name, newExpiry);
        return Outcome.processed(DomainRegistration.of(name, CREATED, newExpiry, "ROID-" + name.ascii()), key.value());
    }

    /** Money in DKK. */
    public static Money dkk(String amount) {
        return Money.of(amount, "DKK");
    }
}
