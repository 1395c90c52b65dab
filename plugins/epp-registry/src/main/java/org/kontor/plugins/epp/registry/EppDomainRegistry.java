package org.kontor.plugins.epp.registry;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.kontor.api.contact.ContactRole;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Nameserver;
import org.kontor.api.domain.Period;
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
import org.kontor.api.registry.RegistryCapability;
import org.kontor.api.registry.RegistryMessage;
import org.kontor.api.registry.RenewDomain;
import org.kontor.api.registry.RestoreDomain;
import org.kontor.api.registry.TransferAction;
import org.kontor.api.registry.TransferDomain;
import org.kontor.api.registry.UpdateDomain;
import org.kontor.plugins.epp.codec.EppNamespaces;
import org.kontor.plugins.epp.command.BalanceInfo;
import org.kontor.plugins.epp.command.ClientTransactionId;
import org.kontor.plugins.epp.command.DomainCheck;
import org.kontor.plugins.epp.command.DomainContact;
import org.kontor.plugins.epp.command.DomainCreate;
import org.kontor.plugins.epp.command.DomainDelete;
import org.kontor.plugins.epp.command.DomainRenew;
import org.kontor.plugins.epp.command.DomainRestore;
import org.kontor.plugins.epp.command.DomainUpdate;
import org.kontor.plugins.epp.command.EppCommand;
import org.kontor.plugins.epp.command.IpAddress;
import org.kontor.plugins.epp.command.NameServer;
import org.kontor.plugins.epp.command.NameServers;
import org.kontor.plugins.epp.command.PollAck;
import org.kontor.plugins.epp.command.PollRequest;
import org.kontor.plugins.epp.response.Availability;
import org.kontor.plugins.epp.response.BalanceData;
import org.kontor.plugins.epp.response.DomainCheckData;
import org.kontor.plugins.epp.response.DomainCreateData;
import org.kontor.plugins.epp.response.DomainInfoData;
import org.kontor.plugins.epp.response.DomainPendingActionData;
import org.kontor.plugins.epp.response.DomainRenewData;
import org.kontor.plugins.epp.response.DomainTransferData;
import org.kontor.plugins.epp.response.EppResponse;
import org.kontor.plugins.epp.response.Greeting;
import org.kontor.plugins.epp.response.MessageQueue;
import org.kontor.plugins.epp.session.EppOutcomes;

/**
 * The generic RFC 5730–5734 registry profile: the host's {@link DomainRegistry} over an {@link EppTransport}.
 * The idempotency key of every command is sent as its clTRID. Billable commands are sent once; what became of
 * one whose answer was lost is found out by {@link #status} through {@code info}, never by sending it again.
 */
public final class EppDomainRegistry implements DomainRegistry {

    private static final int OBJECT_DOES_NOT_EXIST = 2303;
    private static final String AUTH_CODE_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final EppRegistryProfile profile;
    private final EppTransport transport;
    private final SecureRandom random = new SecureRandom();

    public EppDomainRegistry(EppRegistryProfile profile, EppTransport transport) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public String registryId() {
        return profile.registryId();
    }

    @Override
    public Set<Tld> tlds() {
        return profile.tlds();
    }

    /** Contacts, hosts, DNSSEC and launch phases are not implemented by this profile yet. */
    @Override
    public Set<RegistryCapability> capabilities() {
        return EnumSet.of(RegistryCapability.TRANSFER, RegistryCapability.UPDATE, RegistryCapability.DELETE,
                RegistryCapability.RESTORE, RegistryCapability.POLL, RegistryCapability.BALANCE);
    }

    /**
     * @throws EppRegistryException when the registry cannot be reached or refuses the check
     */
    @Override
    public List<DomainAvailability> check(List<DomainName> names) {
        List<DomainAvailability> answers = new ArrayList<>(names.size());
        for (int from = 0; from < names.size(); from += profile.maxCheckNames()) {
            List<DomainName> chunk = names.subList(from, Math.min(names.size(), from + profile.maxCheckNames()));
            EppResponse response = query(new DomainCheck(chunk.stream().map(DomainName::ascii).toList()), "check");
            Map<DomainName, Availability> byName = new HashMap<>();
            response.data(DomainCheckData.class).orElseThrow(() -> new EppRegistryException(
                            "the registry answered a check without chkData"))
                    .names().forEach(a -> byName.put(DomainName.of(a.name()), a));
            for (DomainName name : chunk) {
                Availability a = byName.get(name);
                if (a == null) {
                    throw new EppRegistryException("the registry's check answer leaves out " + name);
                }
                answers.add(a.available() ? DomainAvailability.available(name) : DomainAvailability.taken(name, a.reason()));
            }
        }
        return List.copyOf(answers);
    }

    @Override
    public Outcome<ContactHandle> createContact(CreateContact command) {
        return Outcome.error("unsupported", "this EPP profile does not create contacts yet");
    }

    @Override
    public Outcome<DomainRegistration> register(RegisterDomain command) {
        if (command.launch() != null) {
            return Outcome.error("unsupported", "this EPP profile does not implement launch phases");
        }
        List<DomainContact> contacts = command.contacts().entrySet().stream()
                .filter(e -> e.getKey() != ContactRole.REGISTRANT)
                .map(e -> new DomainContact(role(e.getKey()), e.getValue().id())).toList();
        String authInfo = command.authCode() != null ? command.authCode() : newAuthCode();
        DomainCreate create = new DomainCreate(command.name().ascii(), period(command.period()),
                nameServers(command.nameservers()), command.registrant().id(), contacts, authInfo);
        return billable(create, command.key(), response -> response.data(DomainCreateData.class)
                .map(d -> DomainRegistration.of(command.name(), d.createdAt(), d.expiryDate(), null))
                .orElse(DomainRegistration.of(command.name(), null, null, null)));
    }

    @Override
    public Outcome<DomainRegistration> renew(RenewDomain command) {
        DomainRenew renew = new DomainRenew(command.name().ascii(), command.currentExpiry(), period(command.period()));
        return billable(renew, command.key(), response -> response.data(DomainRenewData.class)
                .map(d -> DomainRegistration.of(command.name(), null, d.expiryDate(), null))
                .orElse(DomainRegistration.of(command.name(), null, null, null)));
    }

    @Override
    public Outcome<DomainTransfer> requestTransfer(TransferDomain command) {
        var transfer = new org.kontor.plugins.epp.command.DomainTransfer(
                org.kontor.plugins.epp.command.DomainTransfer.Operation.REQUEST, command.name().ascii(),
                command.period() == null ? null : period(command.period()), command.authCode());
        return billable(transfer, command.key(), response -> transfer(command.name(), response));
    }

    @Override
    public Outcome<DomainTransfer> transferAction(TransferAction command) {
        var operation = switch (command.operation()) {
            case QUERY -> org.kontor.plugins.epp.command.DomainTransfer.Operation.QUERY;
            case APPROVE -> org.kontor.plugins.epp.command.DomainTransfer.Operation.APPROVE;
            case REJECT -> org.kontor.plugins.epp.command.DomainTransfer.Operation.REJECT;
            case CANCEL -> org.kontor.plugins.epp.command.DomainTransfer.Operation.CANCEL;
        };
        var transfer = new org.kontor.plugins.epp.command.DomainTransfer(operation, command.name().ascii(), null, null);
        return billable(transfer, command.key(), response -> transfer(command.name(), response));
    }

    /**
     * @throws EppRegistryException when the registry cannot be reached or answers neither the domain nor 2303
     */
    @Override
    public Optional<DomainInfo> info(DomainName name) {
        EppResponse response = send(org.kontor.plugins.epp.command.DomainInfo.of(name.ascii()), null, "info");
        if (response.code() == OBJECT_DOES_NOT_EXIST) {
            return Optional.empty();
        }
        return Optional.of(domainInfo(name, requireSuccess(response, "info")));
    }

    @Override
    public Outcome<DomainInfo> update(UpdateDomain command) {
        DomainUpdate update = new DomainUpdate(command.name().ascii(),
                changes(command.addNameservers(), command.addContacts(), command.addStatuses()),
                changes(command.removeNameservers(), command.removeContacts(), command.removeStatuses()),
                command.newRegistrant() == null ? null : command.newRegistrant().id(), command.newAuthCode());
        Outcome<DomainInfo> outcome = billable(update, command.key(), response -> null);
        return outcome.isProcessed() ? withValue(outcome, infoIfReachable(command.name())) : outcome;
    }

    @Override
    public Outcome<Void> delete(DeleteDomain command) {
        return billable(new DomainDelete(command.name().ascii()), command.key(), response -> null);
    }

    @Override
    public Outcome<DomainRegistration> restore(RestoreDomain command) {
        Outcome<DomainRegistration> outcome = billable(new DomainRestore(command.name().ascii()), command.key(),
                response -> DomainRegistration.of(command.name(), null, null, null));
        if (!outcome.isProcessed()) {
            return outcome;
        }
        // The restore answer carries no dates; the expiry the host bills from comes from info.
        DomainInfo info = infoIfReachable(command.name());
        return withValue(outcome, info == null ? outcome.value()
                : DomainRegistration.of(command.name(), info.createdAt(), info.expiresAt(), info.registryReference()));
    }

    /**
     * Answers from {@code info} alone: ours → PROCESSED (PENDING while the registry still shows
     * {@code pendingCreate}), absent → CANCELED, another registrar's → ERROR, no answer → UNDEFINED.
     */
    @Override
    public Outcome<DomainRegistration> status(IdempotencyKey key, DomainName name) {
        EppResponse response;
        try {
            response = transport.execute(org.kontor.plugins.epp.command.DomainInfo.of(name.ascii()), null);
        } catch (Exception e) {
            return Outcome.undefined("the registry cannot be asked about " + name + " (" + key + "): " + e.getMessage());
        }
        if (response.code() == OBJECT_DOES_NOT_EXIST) {
            return Outcome.canceled("no such operation: " + name + " does not exist at " + profile.registryId());
        }
        Optional<DomainInfoData> data = response.data(DomainInfoData.class);
        if (!response.isSuccess() || data.isEmpty()) {
            return Outcome.undefined("info on " + name + " answered " + response.code() + " " + response.result().message());
        }
        DomainInfoData d = data.get();
        if (!profile.clientId().equals(d.clientId())) {
            return Outcome.error("sponsored-elsewhere", name + " is held by another registrar (" + d.clientId() + ")");
        }
        DomainRegistration registration = DomainRegistration.of(name, d.createdAt(), d.expiryDate(), d.roid());
        if (d.statuses().contains("pendingCreate")) {
            return Outcome.pending(registration, d.roid(), name + " awaits the registry's decision");
        }
        return Outcome.processed(registration, d.roid());
    }

    /**
     * The balance where the greeting announces the balance mapping; empty elsewhere.
     *
     * @throws EppRegistryException when the registry cannot be reached or refuses the query
     */
    @Override
    public Optional<Money> balance() {
        Greeting greeting;
        try {
            greeting = transport.greeting();
        } catch (Exception e) {
            throw new EppRegistryException("the registry cannot be reached: " + e.getMessage(), e);
        }
        if (!greeting.objectUris().contains(EppNamespaces.BALANCE)
                && !greeting.extensionUris().contains(EppNamespaces.BALANCE)) {
            return Optional.empty();
        }
        EppResponse response = query(new BalanceInfo(), "balance");
        return Optional.of(response.data(BalanceData.class)
                .orElseThrow(() -> new EppRegistryException("the balance answer carries no balance")).balance());
    }

    /**
     * @throws EppRegistryException when the registry cannot be reached or refuses the poll
     */
    @Override
    public Optional<RegistryMessage> poll() {
        EppResponse response = query(new PollRequest(), "poll");
        MessageQueue queue = response.messageQueue();
        if (response.code() == 1300 || queue == null || queue.id() == null) {
            return Optional.empty();
        }
        return Optional.of(message(queue, response));
    }

    /**
     * Acknowledging twice is harmless: the registry's 2303 for an id already taken off the queue counts as done.
     *
     * @throws EppRegistryException when the registry cannot be reached or refuses the acknowledgement
     */
    @Override
    public void acknowledge(String messageId) {
        EppResponse response = send(new PollAck(messageId), null, "poll ack");
        if (response.code() != OBJECT_DOES_NOT_EXIST) {
            requireSuccess(response, "poll ack");
        }
    }

    static RegistryMessage message(MessageQueue queue, EppResponse response) {
        Map<String, String> data = new LinkedHashMap<>();
        String kind = "message";
        DomainName domain = null;
        Optional<DomainPendingActionData> pending = response.data(DomainPendingActionData.class);
        Optional<DomainTransferData> transfer = response.data(DomainTransferData.class);
        if (pending.isPresent()) {
            DomainPendingActionData pan = pending.get();
            kind = pan.approved() ? "create-approved" : "create-rejected";
            domain = domainOrNull(pan.name());
            if (pan.action() != null) {
                putIfPresent(data, "paTRID", pan.action().clientTransactionId());
                putIfPresent(data, "paSvTRID", pan.action().serverTransactionId());
            }
            if (pan.decidedAt() != null) {
                data.put("paDate", pan.decidedAt().toString());
            }
        } else if (transfer.isPresent()) {
            DomainTransferData trn = transfer.get();
            kind = "transfer-" + trn.status();
            domain = domainOrNull(trn.name());
            putIfPresent(data, "trStatus", trn.status());
            putIfPresent(data, "reID", trn.requestedBy());
            putIfPresent(data, "acID", trn.actionBy());
        }
        return new RegistryMessage(queue.id(), queue.queuedAt(), kind, queue.message(), domain, data);
    }

    private <T> Outcome<T> billable(EppCommand command, IdempotencyKey key, Function<EppResponse, T> value) {
        EppResponse response;
        try {
            response = transport.execute(command, ClientTransactionId.of(key.value()));
        } catch (Exception e) {
            return EppOutcomes.of(e);
        }
        boolean yields = response.isSuccess();
        return EppOutcomes.of(response, yields ? value.apply(response) : null);
    }

    private EppResponse query(EppCommand command, String what) {
        return requireSuccess(send(command, null, what), what);
    }

    private EppResponse send(EppCommand command, ClientTransactionId clTRID, String what) {
        try {
            return transport.execute(command, clTRID);
        } catch (Exception e) {
            throw new EppRegistryException("the registry " + profile.registryId() + " did not answer a " + what
                    + ": " + e.getMessage(), e);
        }
    }

    private static <R extends EppResponse> R requireSuccess(R response, String what) {
        if (!response.isSuccess()) {
            throw new EppRegistryException("the registry refused a " + what + ": " + response.code() + " "
                    + response.result().message());
        }
        return response;
    }

    private DomainInfo infoIfReachable(DomainName name) {
        try {
            return info(name).orElse(null);
        } catch (EppRegistryException e) {
            return null;
        }
    }

    private static DomainInfo domainInfo(DomainName name, EppResponse response) {
        DomainInfoData d = response.data(DomainInfoData.class)
                .orElseThrow(() -> new EppRegistryException("the info answer on " + name + " carries no infData"));
        Map<ContactRole, List<ContactHandle>> contacts = new HashMap<>();
        for (DomainContact c : d.contacts()) {
            roleOf(c.type()).ifPresent(role -> contacts.computeIfAbsent(role, r -> new ArrayList<>())
                    .add(new ContactHandle(c.contactId())));
        }
        List<Nameserver> nameservers = d.nameServers().stream().map(EppDomainRegistry::nameserver).toList();
        return new DomainInfo(name, d.roid(), Set.copyOf(d.statuses()),
                d.registrant() == null || d.registrant().isBlank() ? null : new ContactHandle(d.registrant()),
                contacts, nameservers, d.createdAt(), d.expiryDate(), d.clientId(), d.authInfo());
    }

    private static DomainTransfer transfer(DomainName name, EppResponse response) {
        return response.data(DomainTransferData.class)
                .map(d -> new DomainTransfer(name, transferStatus(d.status()), d.requestedAt(), d.actionDate(),
                        d.expiryDate()))
                .orElse(null);
    }

    static DomainTransfer.Status transferStatus(String trStatus) {
        return switch (trStatus) {
            case "pending" -> DomainTransfer.Status.PENDING;
            case "clientApproved" -> DomainTransfer.Status.CLIENT_APPROVED;
            case "clientCancelled" -> DomainTransfer.Status.CLIENT_CANCELLED;
            case "clientRejected" -> DomainTransfer.Status.CLIENT_REJECTED;
            case "serverApproved" -> DomainTransfer.Status.SERVER_APPROVED;
            case "serverCancelled" -> DomainTransfer.Status.SERVER_CANCELLED;
            default -> throw new EppRegistryException("unknown transfer status " + trStatus);
        };
    }

    private static <T> Outcome<T> withValue(Outcome<T> outcome, T value) {
        return new Outcome<>(outcome.status(), value, outcome.code(), outcome.message(), outcome.reference());
    }

    private static DomainUpdate.Changes changes(List<Nameserver> nameservers, Map<ContactRole, ContactHandle> contacts,
            Set<String> statuses) {
        List<DomainContact> domainContacts = contacts.entrySet().stream()
                .filter(e -> e.getKey() != ContactRole.REGISTRANT)
                .map(e -> new DomainContact(role(e.getKey()), e.getValue().id())).toList();
        return new DomainUpdate.Changes(nameServers(nameservers), domainContacts, List.copyOf(statuses));
    }

    /** Host attributes when any nameserver carries glue, host objects otherwise. */
    static NameServers nameServers(List<Nameserver> nameservers) {
        if (nameservers.isEmpty()) {
            return NameServers.none();
        }
        if (nameservers.stream().anyMatch(ns -> !ns.addresses().isEmpty())) {
            return NameServers.hostAttributes(nameservers.stream()
                    .map(ns -> new NameServer(ns.host().ascii(), ns.addresses().stream()
                            .map(a -> IpAddress.of(a.getHostAddress())).toList()))
                    .toList());
        }
        return NameServers.hostObjects(nameservers.stream().map(ns -> ns.host().ascii()).toList());
    }

    private static Nameserver nameserver(NameServer ns) {
        List<InetAddress> addresses = new ArrayList<>();
        for (IpAddress address : ns.addresses()) {
            try {
                addresses.add(InetAddress.getByName(address.address())); // a literal: no lookup
            } catch (UnknownHostException e) {
                throw new EppRegistryException("the registry sent a malformed address " + address.address(), e);
            }
        }
        return new Nameserver(DomainName.of(ns.hostName()), addresses);
    }

    private static org.kontor.plugins.epp.command.Period period(Period period) {
        return period.unit() == Period.Unit.YEARS ? org.kontor.plugins.epp.command.Period.years(period.value())
                : org.kontor.plugins.epp.command.Period.months(period.value());
    }

    private static String role(ContactRole role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    private static Optional<ContactRole> roleOf(String type) {
        return switch (type) {
            case "admin" -> Optional.of(ContactRole.ADMIN);
            case "tech" -> Optional.of(ContactRole.TECH);
            case "billing" -> Optional.of(ContactRole.BILLING);
            default -> Optional.empty();
        };
    }

    private static DomainName domainOrNull(String name) {
        return name == null || name.isBlank() ? null : DomainName.of(name);
    }

    private static void putIfPresent(Map<String, String> data, String key, String value) {
        if (value != null) {
            data.put(key, value);
        }
    }

    /** RFC 5731 requires an auth code on create; when the caller sets none, a random one is chosen. */
    private String newAuthCode() {
        StringBuilder code = new StringBuilder("Ak-");
        for (int i = 0; i < 16; i++) {
            code.append(AUTH_CODE_ALPHABET.charAt(random.nextInt(AUTH_CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
