package org.kontor.host.domains.management;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Nameserver;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.portfolio.DomainPortfolio;
import org.kontor.api.portfolio.PortfolioDomain.State;
import org.kontor.api.registry.ContactHandle;
import org.kontor.api.registry.CreateContact;
import org.kontor.api.registry.DomainInfo;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.RegistryCapability;
import org.kontor.api.registry.UpdateDomain;
import org.kontor.host.customers.Contacts;
import org.kontor.host.customers.HolderContact;
import org.kontor.host.domains.DomainRecord;
import org.kontor.host.domains.DomainStore;
import org.kontor.host.domains.management.DomainManagementException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A customer's management of their own domains (CC-2, CC-3, CC-7, CC-8). Every method takes the customer's id and
 * answers {@link Reason#NOT_FOUND} for a domain that is someone else's, exactly as for one that does not exist.
 *
 * <p>The registry is called outside any database transaction: the change is asked of the registry first, and only a
 * change the registry made (or accepted to decide later) is recorded in {@code domain_change}. A registry that cannot
 * be reached gives {@link Reason#REGISTRY_UNAVAILABLE} and nothing is recorded. Every registry command gets an
 * idempotency key of its own. Auth codes are never logged nor recorded.
 *
 * <p>Cancellation (CC-7) respects the operator's notice period ({@code domains.cancellation-notice-days}): a
 * cancellation must come at least that many days before the domain expires. One that comes later is refused with the
 * last day it would have been in time; the domain then renews as agreed, and can be cancelled for the end of the next
 * term. A cancellation in time ends the domain per {@code domains.terminate-policy} (never renewed again).
 */
public final class DomainManagement {

    static final String TRANSFER_LOCK = "clientTransferProhibited";
    private static final Set<String> TRANSFER_LOCKS = Set.of(TRANSFER_LOCK, "serverTransferProhibited");
    private static final int MIN_NAMESERVERS = 2;
    private static final int MAX_NAMESERVERS = 13;
    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String CODE_DIGITS = "23456789";
    private static final String CODE_SIGNS = "-_+=";
    private static final Logger LOG = LoggerFactory.getLogger(DomainManagement.class);

    private final DomainStore domains;
    private final Function<String, Optional<DomainRegistry>> registries;
    private final DomainPortfolio portfolio;
    private final Contacts contacts;
    private final DomainChanges changes;
    private final int noticeDays;
    private final Clock clock;
    private final SecureRandom random;
    private final NameserverCheck check;

    /**
     * @param registries the running registry by its id
     * @param portfolio  terminates a domain per the operator's terminate policy
     * @param noticeDays the cancellation notice period in days
     */
    public DomainManagement(DomainStore domains, Function<String, Optional<DomainRegistry>> registries,
                            DomainPortfolio portfolio, Contacts contacts, DomainChanges changes, int noticeDays,
                            Clock clock, SecureRandom random) {
        this(domains, registries, portfolio, contacts, changes, noticeDays, clock, random, NameserverCheck.disabled());
    }

    /** @param check asks the nameservers for the zone before a change (TEC-5) */
    public DomainManagement(DomainStore domains, Function<String, Optional<DomainRegistry>> registries,
                            DomainPortfolio portfolio, Contacts contacts, DomainChanges changes, int noticeDays,
                            Clock clock, SecureRandom random, NameserverCheck check) {
        if (noticeDays < 0) {
            throw new IllegalArgumentException("the cancellation notice period is negative: " + noticeDays);
        }
        this.domains = domains;
        this.registries = registries;
        this.portfolio = portfolio;
        this.contacts = contacts;
        this.changes = changes;
        this.noticeDays = noticeDays;
        this.clock = clock;
        this.random = random;
        this.check = check;
    }

    public int noticeDays() {
        return noticeDays;
    }

    /** The customer's domains, by name. */
    public List<DomainRecord> list(String customerId) {
        return domains.ofCustomer(customerId);
    }

    /** The domain with what its registry says now; a registry that cannot be asked is named, not thrown. */
    public DomainDetails show(String customerId, String name) {
        DomainRecord record = own(customerId, name);
        DomainInfo live = null;
        DomainManagementException problem = null;
        Set<RegistryCapability> capabilities = Set.of();
        try {
            DomainRegistry registry = registry(record);
            capabilities = capabilities(registry);
            live = info(registry, record);
        } catch (DomainManagementException e) {
            problem = e;
        }
        return new DomainDetails(record, live, problem, capabilities, changes.of(customerId, record.name()),
                noticeDays);
    }

    /** The customer's domain of this name, without asking the registry; NOT_FOUND when it is not theirs. */
    public DomainRecord find(String customerId, String name) {
        return own(customerId, name);
    }

    public List<DomainChange> history(String customerId, String name) {
        return changes.of(customerId, own(customerId, name).name());
    }

    // ---------------------------------------------------------------- nameservers

    /**
     * Sets the domain's nameservers to exactly these: 2 to 13 host names (Unicode or A-label), no one twice. Only the
     * difference to what the registry has is sent.
     *
     * @return what the registry has afterwards
     */
    public DomainInfo changeNameservers(String customerId, String name, List<String> hosts) {
        return changeNameservers(customerId, name, hosts, java.util.Map.of());
    }

    /**
     * Sets the nameservers as {@link #changeNameservers(String, String, List)} does, with glue (TEC-5): a host inside
     * the domain ({@code ns1.example.dk} for {@code example.dk}) needs its IPv4/IPv6 addresses, which the registry
     * records as glue when it creates the host; a host outside takes none. With {@code domains.check-nameservers}
     * each nameserver is first asked for the zone's SOA, and the change is refused naming the ones that are silent.
     *
     * @param glue addresses by host name (as given); hosts not named have none
     */
    public DomainInfo changeNameservers(String customerId, String name, List<String> hosts,
                                        java.util.Map<String, List<String>> glue) {
        return changeNameservers(customerId, name, hosts, glue, key("ns"), true);
    }

    /**
     * {@link #changeNameservers(String, String, List)} under the caller's idempotency key, for a change that is one
     * step of a larger operation (parking a domain) and may be sent again under the same key. The nameservers are not
     * asked first: a parking provider's answer for the domain only once it is told of it, after the switch.
     */
    public DomainInfo changeNameservers(String customerId, String name, List<String> hosts, IdempotencyKey key) {
        return changeNameservers(customerId, name, hosts, java.util.Map.of(), key, false);
    }

    private DomainInfo changeNameservers(String customerId, String name, List<String> hosts,
                                         java.util.Map<String, List<String>> glue, IdempotencyKey key,
                                         boolean checkFirst) {
        DomainRecord record = active(customerId, name);
        List<Nameserver> wanted = withGlue(record.name(), nameservers(hosts), glue == null ? java.util.Map.of() : glue);
        List<String> silent = checkFirst ? check.silent(record.name(), wanted) : List.of();
        if (!silent.isEmpty()) {
            throw new DomainManagementException(Reason.NAMESERVERS_SILENT, "These nameservers did not answer for "
                    + record.name().unicode() + ": " + String.join(", ", silent) + ". Set up the zone there first; "
                    + "nothing was changed.", String.join(", ", silent));
        }
        DomainRegistry registry = registry(record);
        require(registry, RegistryCapability.UPDATE);
        DomainInfo current = existing(registry, record);
        Set<String> have = current.nameservers().stream().map(ns -> ns.host().ascii()).collect(Collectors.toSet());
        Set<String> want = wanted.stream().map(ns -> ns.host().ascii()).collect(Collectors.toSet());
        List<Nameserver> add = wanted.stream().filter(ns -> !have.contains(ns.host().ascii())).toList();
        List<Nameserver> remove = current.nameservers().stream().filter(ns -> !want.contains(ns.host().ascii()))
                .toList();
        String detail = wanted.stream().map(ns -> ns.host().unicode()).collect(Collectors.joining(", "));
        if (add.isEmpty() && remove.isEmpty()) {
            return current;
        }
        Outcome<DomainInfo> outcome = send(registry, record, () -> registry.update(UpdateDomain.nameservers(
                key, record.name(), add, remove)));
        DomainInfo after = outcome.value() != null ? outcome.value() : infoOrNull(registry, record);
        changes.record(customerId, record.name(), DomainChange.Kind.NAMESERVERS, state(outcome), detail);
        return after == null ? current : after;
    }

    /** The nameservers with their glue addresses: required inside the domain, refused outside it. */
    static List<Nameserver> withGlue(DomainName domain, List<Nameserver> nameservers,
                                     java.util.Map<String, List<String>> glue) {
        java.util.Map<String, List<String>> byHost = new java.util.HashMap<>();
        glue.forEach((host, addresses) -> {
            try {
                byHost.put(DomainName.of(host.strip()).ascii(), addresses == null ? List.of() : addresses);
            } catch (IllegalArgumentException e) {
                throw new DomainManagementException(Reason.INVALID_NAMESERVERS,
                        "'" + host + "' is not a host name: " + e.getMessage(), host);
            }
        });
        List<Nameserver> result = new ArrayList<>();
        for (Nameserver ns : nameservers) {
            List<String> given = byHost.getOrDefault(ns.host().ascii(), List.of()).stream()
                    .filter(a -> a != null && !a.isBlank()).map(String::strip).toList();
            if (!ns.needsGlueFor(domain)) {
                if (!given.isEmpty()) {
                    throw new DomainManagementException(Reason.INVALID_NAMESERVERS, ns.host().unicode()
                            + " is outside " + domain.unicode() + "; only names inside the domain take addresses.",
                            ns.host().unicode());
                }
                result.add(ns);
                continue;
            }
            if (given.isEmpty()) {
                throw new DomainManagementException(Reason.GLUE_REQUIRED, ns.host().unicode() + " lies inside "
                        + domain.unicode() + " and needs its IPv4 or IPv6 addresses (glue).", ns.host().unicode());
            }
            List<java.net.InetAddress> addresses = new ArrayList<>();
            for (String address : given) {
                try {
                    // literals only: no lookup of a name
                    addresses.add(org.xbill.DNS.Address.getByAddress(address));
                } catch (java.net.UnknownHostException e) {
                    throw new DomainManagementException(Reason.INVALID_NAMESERVERS, "'" + address
                            + "' is not an IPv4 or IPv6 address.", address);
                }
            }
            result.add(new Nameserver(ns.host(), addresses));
        }
        return result;
    }

    /** The host names as nameservers, or {@link Reason#INVALID_NAMESERVERS} naming the first that is not one. */
    static List<Nameserver> nameservers(List<String> hosts) {
        List<String> given = hosts == null ? List.of() : hosts.stream().filter(h -> h != null && !h.isBlank())
                .map(String::strip).toList();
        if (given.size() < MIN_NAMESERVERS || given.size() > MAX_NAMESERVERS) {
            throw new DomainManagementException(Reason.INVALID_NAMESERVERS, "A domain needs " + MIN_NAMESERVERS
                    + " to " + MAX_NAMESERVERS + " nameservers; " + given.size() + " were given.");
        }
        List<Nameserver> nameservers = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String host : given) {
            DomainName parsed;
            try {
                parsed = DomainName.of(host);
            } catch (IllegalArgumentException e) {
                throw new DomainManagementException(Reason.INVALID_NAMESERVERS,
                        "'" + host + "' is not a host name: " + e.getMessage(), host);
            }
            if (!seen.add(parsed.ascii())) {
                throw new DomainManagementException(Reason.INVALID_NAMESERVERS,
                        parsed.unicode() + " is given twice.", host);
            }
            nameservers.add(Nameserver.of(parsed.ascii()));
        }
        return nameservers;
    }

    // ---------------------------------------------------------------- lock, auth code, transfer release

    /** Locks the domain against transfers (clientTransferProhibited) or releases the lock; a no-op when it is so. */
    public DomainInfo setTransferLock(String customerId, String name, boolean locked) {
        DomainRecord record = active(customerId, name);
        DomainRegistry registry = registry(record);
        require(registry, RegistryCapability.UPDATE);
        DomainInfo current = existing(registry, record);
        if (current.statuses().contains(TRANSFER_LOCK) == locked) {
            return current;
        }
        if (!locked && current.statuses().contains("serverTransferProhibited")) {
            throw new DomainManagementException(Reason.REGISTRY_REFUSED, "The registry itself locks "
                    + record.name().unicode() + " against transfers (serverTransferProhibited); ask us to help.");
        }
        Set<String> status = Set.of(TRANSFER_LOCK);
        Outcome<DomainInfo> outcome = send(registry, record, () -> registry.update(new UpdateDomain(key("lock"),
                record.name(), null, null, null, null, locked ? status : null, locked ? null : status, null, null)));
        changes.record(customerId, record.name(), locked ? DomainChange.Kind.LOCK : DomainChange.Kind.UNLOCK,
                state(outcome), "");
        DomainInfo after = outcome.value() != null ? outcome.value() : infoOrNull(registry, record);
        return after == null ? current : after;
    }

    /**
     * The domain's auth code for a transfer away (CC-8). A code the registry discloses is returned; else a fresh
     * random one is set at the registry (a registry that generates codes itself, such as .dk, makes one) and returned.
     * Refused with {@link Reason#LOCKED} while the domain is locked against transfers.
     */
    public String authCode(String customerId, String name) {
        DomainRecord record = active(customerId, name);
        DomainRegistry registry = registry(record);
        DomainInfo current = existing(registry, record);
        if (locked(current)) {
            throw new DomainManagementException(Reason.LOCKED, record.name().unicode()
                    + " is locked against transfers; release the lock first.");
        }
        String code = current.authCode();
        if (code == null || code.isBlank()) {
            require(registry, RegistryCapability.UPDATE);
            String fresh = randomCode();
            Outcome<DomainInfo> outcome = send(registry, record, () -> registry.update(UpdateDomain.authCode(
                    key("auth"), record.name(), fresh)));
            if (outcome.status() != OutcomeStatus.PROCESSED) {
                throw new DomainManagementException(Reason.REGISTRY_UNAVAILABLE, "The registry has not set the auth code "
                        + "of " + record.name().unicode() + " yet; try again in a few minutes.");
            }
            String shown = outcome.value() == null ? null : outcome.value().authCode();
            if ((shown == null || shown.isBlank())
                    && capabilities(registry).contains(RegistryCapability.AUTH_CODE_RETRIEVAL)) {
                DomainInfo after = infoOrNull(registry, record);
                shown = after == null ? null : after.authCode();
            }
            code = shown == null || shown.isBlank() ? fresh : shown;
        }
        changes.record(customerId, record.name(), DomainChange.Kind.AUTH_CODE, DomainChange.State.DONE, "");
        return code;
    }

    /** Transfer release: lifts the transfer lock where there is one, then gives the auth code. */
    public String releaseForTransfer(String customerId, String name) {
        setTransferLock(customerId, name, false);
        return authCode(customerId, name);
    }

    static boolean locked(DomainInfo info) {
        return info.statuses().stream().anyMatch(TRANSFER_LOCKS::contains);
    }

    private String randomCode() {
        StringBuilder code = new StringBuilder();
        String all = CODE_LETTERS + CODE_DIGITS + CODE_SIGNS;
        code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
        code.append(CODE_DIGITS.charAt(random.nextInt(CODE_DIGITS.length())));
        code.append(CODE_SIGNS.charAt(random.nextInt(CODE_SIGNS.length())));
        while (code.length() < 16) {
            code.append(all.charAt(random.nextInt(all.length())));
        }
        for (int i = code.length() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char c = code.charAt(i);
            code.setCharAt(i, code.charAt(j));
            code.setCharAt(j, c);
        }
        return code.toString();
    }

    // ---------------------------------------------------------------- renewal and cancellation

    /**
     * Turns automatic renewal on or off: the host's flag, and the registry's own setting where the registry keeps one
     * (it shows {@code autoRenew} in its information). A cancelled domain cannot be set to renew again.
     */
    public DomainRecord setAutoRenew(String customerId, String name, boolean autoRenew) {
        DomainRecord record = own(customerId, name);
        if (record.terminatedAt() != null && autoRenew) {
            throw new DomainManagementException(Reason.CANCELLED, record.name().unicode()
                    + " is cancelled and is not renewed again.");
        }
        if (record.state() == State.ACTIVE) {
            Optional<DomainRegistry> registry = registries.apply(record.registryId());
            if (registry.isPresent()) {
                DomainInfo live = info(registry.get(), record);
                if (live != null && live.autoRenew() != null && live.autoRenew() != autoRenew) {
                    send(registry.get(), record, () -> registry.get().update(UpdateDomain.autoRenew(key("renew"),
                            record.name(), autoRenew)));
                }
            }
        }
        domains.setAutoRenew(customerId, record.name(), autoRenew);
        changes.record(customerId, record.name(), DomainChange.Kind.AUTO_RENEW, DomainChange.State.DONE,
                autoRenew ? "on" : "off");
        return own(customerId, name);
    }

    /**
     * Cancels the domain: it is never renewed again and ends per the operator's terminate policy. Refused with
     * {@link Reason#NOTICE_PERIOD} within the notice period before expiry (see the class comment).
     */
    public DomainRecord cancel(String customerId, String name) {
        DomainRecord record = own(customerId, name);
        if (record.terminatedAt() != null) {
            throw new DomainManagementException(Reason.CANCELLED, record.name().unicode() + " is cancelled already.");
        }
        if (record.state() != State.ACTIVE) {
            throw notActive(record);
        }
        LocalDate lastDay = lastDayToCancel(record);
        if (noticeOver(record)) {
            throw new DomainManagementException(Reason.NOTICE_PERIOD, "A cancellation must reach us " + noticeDays
                    + " days before the domain expires; for " + record.name().unicode() + " (expiring "
                    + LocalDate.ofInstant(record.expiresAt(), ZoneOffset.UTC) + ") the last day was " + lastDay
                    + ". It renews as agreed; you can cancel it for the end of the next term.", lastDay.toString());
        }
        portfolio.terminate(customerId, record.name());
        changes.record(customerId, record.name(), DomainChange.Kind.CANCELLATION, DomainChange.State.DONE,
                record.expiresAt() == null ? "" : LocalDate.ofInstant(record.expiresAt(), ZoneOffset.UTC).toString());
        return own(customerId, name);
    }

    /** Whether a cancellation of the domain today would come within the notice period, and be refused. */
    public boolean noticeOver(DomainRecord record) {
        LocalDate lastDay = lastDayToCancel(record);
        return lastDay != null && LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).isAfter(lastDay);
    }

    /** The last day a cancellation of the domain is in time, or null when its expiry is not known. */
    public LocalDate lastDayToCancel(DomainRecord record) {
        return record.expiresAt() == null ? null
                : LocalDate.ofInstant(record.expiresAt().minus(Duration.ofDays(noticeDays)), ZoneOffset.UTC);
    }

    // ---------------------------------------------------------------- holder

    /** What became of a change of holder. */
    public record HolderChange(DomainChange change, String message) {
        public boolean pending() {
            return change.state() == DomainChange.State.PENDING;
        }
    }

    /**
     * Changes the domain's holder to one of the customer's own contacts: the contact is created at the registry, then
     * the domain's registrant is changed, with the moment the customer accepted the registry's terms for the new
     * holder. A registry that decides later (.dk asks the new holder to consent) leaves the change PENDING.
     */
    public HolderChange changeHolder(String customerId, String name, String contactId, boolean termsAccepted) {
        DomainRecord record = active(customerId, name);
        HolderContact holder = (contactId == null ? Optional.<HolderContact>empty() : contacts.find(customerId, contactId))
                .orElseThrow(() -> new DomainManagementException(Reason.UNKNOWN_CONTACT,
                        "You have no contact " + contactId + ".", contactId == null ? "" : contactId));
        if (!termsAccepted) {
            throw new DomainManagementException(Reason.TERMS_NOT_ACCEPTED,
                    "The new holder must accept the registry's terms and conditions.");
        }
        Instant acceptedAt = clock.instant();
        DomainRegistry registry = registry(record);
        require(registry, RegistryCapability.UPDATE);
        require(registry, RegistryCapability.CONTACTS);
        existing(registry, record);
        Outcome<ContactHandle> created = send(registry, record, () -> registry.createContact(CreateContact.of(
                key("holder-contact"), holder.toContact())));
        if (created.value() == null) {
            throw new DomainManagementException(Reason.REGISTRY_UNAVAILABLE,
                    "The registry has not created the new holder yet; try again in a few minutes.");
        }
        Outcome<DomainInfo> outcome = send(registry, record, () -> registry.update(UpdateDomain.registrant(
                key("holder"), record.name(), created.value(), acceptedAt)));
        String detail = holder.contact().name() + (holder.contact().organization() == null
                || holder.contact().organization().isBlank() ? "" : ", " + holder.contact().organization());
        DomainChange change = changes.record(customerId, record.name(), DomainChange.Kind.HOLDER, state(outcome),
                detail);
        return new HolderChange(change, outcome.message());
    }

    // ---------------------------------------------------------------- helpers

    /** The customer's domain; NOT_FOUND for a name that is not a domain, does not exist, or is another's. */
    private DomainRecord own(String customerId, String name) {
        DomainName parsed;
        try {
            parsed = DomainName.of(name);
        } catch (RuntimeException e) {
            throw notFound(name);
        }
        return domains.find(customerId, parsed).orElseThrow(() -> notFound(parsed.unicode()));
    }

    private DomainRecord active(String customerId, String name) {
        DomainRecord record = own(customerId, name);
        if (record.state() != State.ACTIVE) {
            throw notActive(record);
        }
        return record;
    }

    private static DomainManagementException notFound(String name) {
        return new DomainManagementException(Reason.NOT_FOUND, "You have no domain " + name + ".");
    }

    private static DomainManagementException notActive(DomainRecord record) {
        return new DomainManagementException(Reason.NOT_ACTIVE, record.name().unicode() + " is "
                + record.state().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", not active.",
                record.state().name());
    }

    private DomainRegistry registry(DomainRecord record) {
        return registries.apply(record.registryId()).orElseThrow(() -> new DomainManagementException(
                Reason.REGISTRY_UNAVAILABLE, "The registry of " + record.name().unicode()
                + " cannot be reached now; nothing was changed. Try again later."));
    }

    private static Set<RegistryCapability> capabilities(DomainRegistry registry) {
        try {
            return registry.capabilities();
        } catch (RuntimeException e) {
            return Set.of();
        }
    }

    private static void require(DomainRegistry registry, RegistryCapability capability) {
        if (!capabilities(registry).contains(capability)) {
            throw new DomainManagementException(Reason.UNSUPPORTED, "The registry does not offer this ("
                    + capability.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ").", capability.name());
        }
    }

    /** What the registry says of the domain, or null when it does not know it; UNAVAILABLE when it cannot answer. */
    private static DomainInfo info(DomainRegistry registry, DomainRecord record) {
        try {
            return registry.info(record.name()).orElse(null);
        } catch (RuntimeException e) {
            LOG.info("The registry {} did not answer an info of {}: {}", record.registryId(), record.name(),
                    e.getMessage());
            throw new DomainManagementException(Reason.REGISTRY_UNAVAILABLE, "The registry of "
                    + record.name().unicode() + " cannot be reached now; nothing was changed. Try again later.");
        }
    }

    private static DomainInfo infoOrNull(DomainRegistry registry, DomainRecord record) {
        try {
            return registry.info(record.name()).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static DomainInfo existing(DomainRegistry registry, DomainRecord record) {
        DomainInfo info = info(registry, record);
        if (info == null) {
            throw new DomainManagementException(Reason.NOT_AT_REGISTRY, "The registry does not hold "
                    + record.name().unicode() + "; ask us to help.");
        }
        return info;
    }

    /**
     * Sends a command: PROCESSED and PENDING are answered, a refusal is REGISTRY_REFUSED with the registry's words, a
     * command not sent or without an answer is REGISTRY_UNAVAILABLE.
     */
    private static <T> Outcome<T> send(DomainRegistry registry, DomainRecord record,
                                       java.util.function.Supplier<Outcome<T>> command) {
        Outcome<T> outcome;
        try {
            outcome = command.get();
        } catch (RuntimeException e) {
            LOG.info("The registry {} failed a command on {}: {}", record.registryId(), record.name(), e.getMessage());
            throw new DomainManagementException(Reason.REGISTRY_UNAVAILABLE, "The registry of "
                    + record.name().unicode() + " cannot be reached now; nothing was changed. Try again later.");
        }
        return switch (outcome.status()) {
            case PROCESSED, PENDING -> outcome;
            case ERROR -> throw new DomainManagementException("unsupported".equals(outcome.code())
                    ? Reason.UNSUPPORTED : Reason.REGISTRY_REFUSED, "The registry refused the change of "
                    + record.name().unicode() + ": " + outcome.message(), outcome.message());
            case CANCELED -> throw new DomainManagementException(Reason.REGISTRY_UNAVAILABLE, "The registry of "
                    + record.name().unicode() + " cannot be reached now; nothing was changed. Try again later.");
            case UNDEFINED -> throw new DomainManagementException(Reason.REGISTRY_UNAVAILABLE, "The registry of "
                    + record.name().unicode() + " did not answer in time; look again in a few minutes whether the "
                    + "change was made.");
        };
    }

    private static DomainChange.State state(Outcome<?> outcome) {
        return outcome.status() == OutcomeStatus.PENDING ? DomainChange.State.PENDING : DomainChange.State.DONE;
    }

    private static IdempotencyKey key(String purpose) {
        return IdempotencyKey.derive("cc", purpose, UUID.randomUUID().toString().replace("-", ""));
    }
}
