package org.kontor.testkit.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.domain.Tld;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.registry.ContactHandle;
import org.kontor.api.registry.CreateContact;
import org.kontor.api.registry.DeleteDomain;
import org.kontor.api.registry.DomainAvailability;
import org.kontor.api.registry.DomainInfo;
import org.kontor.api.registry.DomainRegistration;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.DomainTransfer;
import org.kontor.api.registry.RegisterDomain;
import org.kontor.api.registry.RegistryCapability;
import org.kontor.api.registry.RenewDomain;
import org.kontor.api.registry.RestoreDomain;
import org.kontor.api.registry.TransferAction;
import org.kontor.api.registry.TransferDomain;
import org.kontor.api.registry.UpdateDomain;

/**
 * A registry test double that keeps its state — the domains it holds and every billable command it
 * received, by idempotency key — in two tables of the test database, so that several processes (a host
 * that is killed and the one that restarts) share one registry. It behaves like a careful real one: a
 * key sent again returns the first answer and is never performed twice, and {@link #status} answers
 * from what was recorded. {@link #react} scripts time-outs, refusals and pending answers per domain.
 *
 * <p>The tables ({@code testkit_registry_command}, {@code testkit_registry_domain}) are created when
 * missing; several registries share them by {@link #registryId()}.
 */
public final class TableRegistry implements DomainRegistry {

    private final Jdbi jdbi;
    private final String registryId;
    private final Set<Tld> tlds;
    private final Clock clock;
    private final Map<DomainName, Reaction> reactions = new ConcurrentHashMap<>();

    public TableRegistry(Jdbi jdbi, String registryId, Set<Tld> tlds, Clock clock) {
        this.jdbi = jdbi;
        this.registryId = registryId;
        this.tlds = Set.copyOf(tlds);
        this.clock = clock;
        createTables(jdbi);
    }

    /** Creates the tables if they are missing. */
    public static void createTables(Jdbi jdbi) {
        jdbi.useHandle(h -> {
            h.execute("CREATE TABLE IF NOT EXISTS testkit_registry_command (registry_id TEXT NOT NULL, "
                    + "command_key TEXT NOT NULL, command TEXT NOT NULL, domain TEXT NOT NULL, status TEXT NOT NULL, code TEXT, "
                    + "message TEXT, arrivals INTEGER NOT NULL, created_at BIGINT NOT NULL, "
                    + "PRIMARY KEY (registry_id, command_key))");
            h.execute("CREATE TABLE IF NOT EXISTS testkit_registry_domain (registry_id TEXT NOT NULL, domain TEXT NOT NULL, "
                    + "reference TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, "
                    + "PRIMARY KEY (registry_id, domain))");
        });
    }

    /** The next billable commands for {@code name} react like this (until changed); the default is processed. */
    public TableRegistry react(DomainName name, Reaction reaction) {
        reactions.put(name, reaction);
        return this;
    }

    /** Decides a PENDING command: performed (status PROCESSED) or refused with {@code code}. */
    public void decide(IdempotencyKey key, boolean performed, String code, String message) {
        jdbi.useTransaction(h -> {
            Command command = command(h, key).orElseThrow(() -> new IllegalStateException("no command " + key));
            if (performed) {
                perform(h, command.kind(), DomainName.of(command.domain()), null);
            }
            h.createUpdate("UPDATE testkit_registry_command SET status = :status, code = :code, message = :message "
                            + "WHERE registry_id = :registry AND command_key = :key")
                    .bind("status", performed ? OutcomeStatus.PROCESSED.name() : OutcomeStatus.ERROR.name())
                    .bind("code", code).bind("message", message).bind("registry", registryId).bind("key", key.value())
                    .execute();
        });
    }

    /** How many billable commands arrived for the domain, counting every repeat of a key. */
    public int arrivals(DomainName name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(SUM(arrivals), 0) FROM testkit_registry_command "
                        + "WHERE registry_id = :registry AND domain = :domain")
                .bind("registry", registryId).bind("domain", name.ascii()).mapTo(Integer.class).one());
    }

    /** How many times a command arrived under this key (0: never). */
    public int arrivals(IdempotencyKey key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(SUM(arrivals), 0) FROM testkit_registry_command "
                        + "WHERE registry_id = :registry AND command_key = :key")
                .bind("registry", registryId).bind("key", key.value()).mapTo(Integer.class).one());
    }

    public boolean holds(DomainName name) {
        return jdbi.withHandle(h -> domain(h, name)).isPresent();
    }

    @Override
    public String registryId() {
        return registryId;
    }

    @Override
    public Set<Tld> tlds() {
        return tlds;
    }

    @Override
    public Set<RegistryCapability> capabilities() {
        return Set.of();
    }

    @Override
    public List<DomainAvailability> check(List<DomainName> names) {
        return jdbi.withHandle(h -> names.stream()
                .map(name -> domain(h, name).isPresent() ? DomainAvailability.taken(name, "in use") : DomainAvailability.available(name))
                .toList());
    }

    @Override
    public Outcome<ContactHandle> createContact(CreateContact command) {
        return Outcome.processed(new ContactHandle("C-" + command.key().value()), null);
    }

    @Override
    public Outcome<DomainRegistration> register(RegisterDomain command) {
        return billable(command.key(), "register", command.name(), command.period());
    }

    @Override
    public Outcome<DomainRegistration> renew(RenewDomain command) {
        return billable(command.key(), "renew", command.name(), command.period());
    }

    @Override
    public Outcome<DomainTransfer> requestTransfer(TransferDomain command) {
        Outcome<DomainRegistration> outcome = billable(command.key(), "transfer", command.name(), command.period());
        DomainTransfer transfer = outcome.value() == null ? null
                : DomainTransfer.of(command.name(), DomainTransfer.Status.SERVER_APPROVED, clock.instant());
        return new Outcome<>(outcome.status(), transfer, outcome.code(), outcome.message(), outcome.reference());
    }

    @Override
    public Outcome<DomainTransfer> transferAction(TransferAction command) {
        return Outcome.error("unsupported", "transfer actions are not supported by the test registry");
    }

    @Override
    public Optional<DomainInfo> info(DomainName name) {
        return jdbi.withHandle(h -> domain(h, name)).map(d -> new DomainInfo(name, d.reference(), Set.of("ok"), null,
                null, null, d.createdAt(), d.expiresAt(), registryId, null));
    }

    @Override
    public Outcome<DomainInfo> update(UpdateDomain command) {
        return Outcome.error("unsupported", "updates are not supported by the test registry");
    }

    @Override
    public Outcome<Void> delete(DeleteDomain command) {
        return Outcome.error("unsupported", "deletes are not supported by the test registry");
    }

    @Override
    public Outcome<DomainRegistration> restore(RestoreDomain command) {
        return billable(command.key(), "restore", command.name(), null);
    }

    @Override
    public Outcome<DomainRegistration> status(IdempotencyKey key, DomainName name) {
        return jdbi.withHandle(h -> {
            Optional<Command> found = command(h, key);
            if (found.isEmpty()) {
                return Outcome.error("2303", "no such operation");
            }
            return status(h, found.get(), name, key);
        });
    }

    private Outcome<DomainRegistration> billable(IdempotencyKey key, String kind, DomainName name, Period period) {
        Reaction reaction = reactions.getOrDefault(name, Reaction.processed());
        return jdbi.inTransaction(h -> {
            Optional<Command> earlier = command(h, key);
            if (earlier.isPresent()) {
                h.createUpdate("UPDATE testkit_registry_command SET arrivals = arrivals + 1 "
                                + "WHERE registry_id = :registry AND command_key = :key")
                        .bind("registry", registryId).bind("key", key.value()).execute();
                return status(h, earlier.get(), name, key);
            }
            if (!reaction.performs() && reaction.later() == null) {
                return Outcome.undefined(reaction.message()); // lost on the way: the registry never saw it
            }
            OutcomeStatus later = reaction.later();
            String code = reaction.code();
            String message = reaction.message();
            if (reaction.performs()) {
                Optional<String> refusal = perform(h, kind, name, period);
                if (refusal.isPresent()) {
                    later = OutcomeStatus.ERROR;
                    code = refusal.get().substring(0, 4);
                    message = refusal.get().substring(5);
                }
            }
            h.createUpdate("INSERT INTO testkit_registry_command (registry_id, command_key, command, domain, status, code, "
                            + "message, arrivals, created_at) VALUES (:registry, :key, :command, :domain, :status, :code, "
                            + ":message, 1, :at)")
                    .bind("registry", registryId).bind("key", key.value()).bind("command", kind)
                    .bind("domain", name.ascii()).bind("status", later == null ? null : later.name())
                    .bind("code", code).bind("message", message).bind("at", clock.millis()).execute();
            if (later == OutcomeStatus.ERROR) {
                return Outcome.error(code, message);
            }
            return switch (reaction.answer()) {
                case PROCESSED -> Outcome.processed(registration(h, name), key.value());
                case PENDING -> Outcome.pending(DomainRegistration.of(name, null, null, null), key.value(), message);
                case UNDEFINED -> Outcome.undefined(message);
                case CANCELED -> Outcome.canceled(message);
                case ERROR -> Outcome.error(code, message);
            };
        });
    }

    private Outcome<DomainRegistration> status(Handle h, Command command, DomainName name, IdempotencyKey key) {
        return switch (OutcomeStatus.valueOf(command.status())) {
            case PROCESSED -> Outcome.processed(registration(h, name), key.value());
            case ERROR -> Outcome.error(command.code(), command.message());
            case PENDING -> Outcome.pending(null, key.value(), command.message());
            case CANCELED -> Outcome.canceled(command.message());
            case UNDEFINED -> Outcome.undefined("the registry cannot tell yet");
        };
    }

    /** Does the command; returns "code message" when the registry refuses it. */
    private Optional<String> perform(Handle h, String kind, DomainName name, Period period) {
        Optional<Domain> existing = domain(h, name);
        Instant now = clock.instant();
        int months = period == null ? 12 : period.inMonths();
        if (kind.equals("register")) {
            if (existing.isPresent()) {
                return Optional.of("2302 Object exists");
            }
            h.createUpdate("INSERT INTO testkit_registry_domain (registry_id, domain, reference, created_at, expires_at) "
                            + "VALUES (:registry, :domain, :reference, :created, :expires)")
                    .bind("registry", registryId).bind("domain", name.ascii())
                    .bind("reference", "ROID-" + name.ascii()).bind("created", now.toEpochMilli())
                    .bind("expires", plusMonths(now, months).toEpochMilli()).execute();
            return Optional.empty();
        }
        if (existing.isEmpty()) {
            if (!kind.equals("transfer")) {
                return Optional.of("2303 Object does not exist");
            }
            h.createUpdate("INSERT INTO testkit_registry_domain (registry_id, domain, reference, created_at, expires_at) "
                            + "VALUES (:registry, :domain, :reference, :created, :expires)")
                    .bind("registry", registryId).bind("domain", name.ascii())
                    .bind("reference", "ROID-" + name.ascii()).bind("created", now.toEpochMilli())
                    .bind("expires", plusMonths(now, months).toEpochMilli()).execute();
            return Optional.empty();
        }
        h.createUpdate("UPDATE testkit_registry_domain SET expires_at = :expires WHERE registry_id = :registry AND domain = :domain")
                .bind("expires", plusMonths(existing.get().expiresAt(), months).toEpochMilli())
                .bind("registry", registryId).bind("domain", name.ascii()).execute();
        return Optional.empty();
    }

    private DomainRegistration registration(Handle h, DomainName name) {
        return domain(h, name)
                .map(d -> DomainRegistration.of(name, d.createdAt(), d.expiresAt(), d.reference()))
                .orElse(DomainRegistration.of(name, null, null, null));
    }

    private Optional<Command> command(Handle h, IdempotencyKey key) {
        return h.createQuery("SELECT command, domain, status, code, message FROM testkit_registry_command "
                        + "WHERE registry_id = :registry AND command_key = :key")
                .bind("registry", registryId).bind("key", key.value())
                .map((rs, ctx) -> new Command(rs.getString("command"), rs.getString("domain"), rs.getString("status"),
                        rs.getString("code"), rs.getString("message")))
                .findOne();
    }

    private Optional<Domain> domain(Handle h, DomainName name) {
        return h.createQuery("SELECT reference, created_at, expires_at FROM testkit_registry_domain "
                        + "WHERE registry_id = :registry AND domain = :domain")
                .bind("registry", registryId).bind("domain", name.ascii())
                .map((rs, ctx) -> new Domain(rs.getString("reference"), Instant.ofEpochMilli(rs.getLong("created_at")),
                        Instant.ofEpochMilli(rs.getLong("expires_at"))))
                .findOne();
    }

    private static Instant plusMonths(Instant from, int months) {
        return from.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    private record Command(String kind, String domain, String status, String code, String message) {
    }

    private record Domain(String reference, Instant createdAt, Instant expiresAt) {
    }
}
