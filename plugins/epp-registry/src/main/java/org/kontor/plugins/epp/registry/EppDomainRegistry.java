package org.kontor.plugins.epp.registry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
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
import org.kontor.api.contact.Contact;
import org.kontor.api.contact.ContactRole;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Nameserver;
import org.kontor.api.domain.Period;
import org.kontor.api.domain.Tld;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.registry.AuthCodeCheck;
import org.kontor.api.registry.ContactHandle;
import org.kontor.api.registry.CreateContact;
import org.kontor.api.registry.DeleteDomain;
import org.kontor.api.registry.DomainAvailability;
import org.kontor.api.registry.DomainInfo;
import org.kontor.api.registry.DomainPrice;
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
import org.kontor.plugins.epp.codec.EppNamespaces;
import org.kontor.plugins.epp.command.BalanceInfo;
import org.kontor.plugins.epp.command.ClientTransactionId;
import org.kontor.plugins.epp.command.CommandExtension;
import org.kontor.plugins.epp.command.ContactCreate;
import org.kontor.plugins.epp.command.ContactInfo;
import org.kontor.plugins.epp.command.Extended;
import org.kontor.plugins.epp.command.HostCheck;
import org.kontor.plugins.epp.command.HostCreate;
import org.kontor.plugins.epp.command.PostalInfo;
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
import org.kontor.plugins.epp.extension.AllocationTokenExtension;
import org.kontor.plugins.epp.extension.FeeExtension;
import org.kontor.plugins.epp.extension.LaunchExtension;
import org.kontor.plugins.epp.extension.SecDnsExtension;
import org.kontor.plugins.epp.response.Availability;
import org.kontor.plugins.epp.response.ContactCreateData;
import org.kontor.plugins.epp.response.ContactInfoData;
import org.kontor.plugins.epp.response.FeeCheckData;
import org.kontor.plugins.epp.response.HostCheckData;
import org.kontor.plugins.epp.response.BalanceData;
import org.kontor.plugins.epp.response.DomainCheckData;
import org.kontor.plugins.epp.response.DomainCreateData;
import org.kontor.plugins.epp.response.DomainInfoData;
import org.kontor.plugins.epp.response.RgpData;
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
 *
 * <p>Extensions are used where the greeting announces them: secDNS 1.1 (DS records), fee 1.0 (quotes, and the
 * fee agreement where the profile asks for it), launch 1.0 with signed marks (sunrise and other phases) and
 * allocation tokens. A command that needs an extension the registry does not announce is answered
 * {@code unsupported} without being sent. Registry plugins adapt this profile through {@link EppProfileHooks}.
 *
 * <p>Glue: where the registry keeps host objects (the greeting announces host-1.0 and the hooks do not
 * decline), nameservers inside the domain itself are created as host objects with their addresses, after a
 * {@code host:check} skips those that exist. RFC 5732 §3.2.1 lets a subordinate host be created only once
 * its domain exists, so on a create the domain is created with the other nameservers first, then the glue
 * hosts, then an update adds them; on an update the hosts are created before it. Elsewhere glue goes as host
 * attributes (RFC 5731 {@code hostAttr}).
 *
 * <p>Auto-renewal: generic EPP (RFC 5731) has no element for whether the registry renews a domain by itself, so
 * this profile sends nothing for the {@code autoRenew} of {@link RegisterDomain} and {@link UpdateDomain} and
 * reads none ({@link DomainInfo#autoRenew()} is null); a registry plugin with such an extension (registry-dk's
 * {@code dkhm:autoRenew}) adds it through its hooks. An update that carries nothing but an auto-renew choice
 * is answered {@code unsupported} here without being sent.
 */
public final class EppDomainRegistry implements DomainRegistry {

    private static final int OBJECT_DOES_NOT_EXIST = 2303;
    private static final int AUTHORIZATION_ERROR = 2201;
    private static final int INVALID_AUTHORIZATION = 2202;
    /** Statuses under which RFC 5731 (and the ICANN transfer policy) refuse a transfer request. */
    private static final List<String> TRANSFER_BLOCKING_STATUSES = List.of("clientTransferProhibited",
            "serverTransferProhibited", "pendingTransfer", "pendingDelete");
    /** The two statements of RFC 3915 §4.2.5. */
    static final String NOT_FOR_OWN_USE = "The registrar has not restored the domain name in order to assume the "
            + "rights to use or sell the name for itself or for any third party.";
    static final String FACTUAL = "The information in this report is true to best of the registrar's knowledge, "
            + "and the registrar acknowledges that intentionally supplying false information in this report shall "
            + "constitute an incurable material breach of the Registry-Registrar Agreement.";
    private static final String AUTH_CODE_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private static final int OBJECT_EXISTS = 2302;
    private static final String CONTACT_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    private final EppRegistryProfile profile;
    private final EppTransport transport;
    private final EppProfileHooks hooks;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile Greeting greeting;

    public EppDomainRegistry(EppRegistryProfile profile, EppTransport transport) {
        this(profile, transport, EppProfileHooks.NONE, Clock.systemUTC());
    }

    public EppDomainRegistry(EppRegistryProfile profile, EppTransport transport, EppProfileHooks hooks, Clock clock) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public EppRegistryProfile profile() {
        return profile;
    }

    /** The transport, for registry plugins that send commands of their own. */
    public EppTransport transport() {
        return transport;
    }

    /**
     * The greeting of a current session, fetched once and then kept.
     *
     * @throws EppRegistryException when the registry cannot be reached
     */
    public Greeting greeting() {
        Greeting known = greeting;
        if (known == null) {
            try {
                known = transport.greeting();
            } catch (Exception e) {
                throw new EppRegistryException("the registry " + profile.registryId() + " cannot be reached: "
                        + e.getMessage(), e);
            }
            greeting = known;
        }
        return known;
    }

    /** Whether the greeting announces this object or extension URI. */
    public boolean announces(String uri) {
        Greeting g = greeting();
        return g.objectUris().contains(uri) || g.extensionUris().contains(uri);
    }

    @Override
    public String registryId() {
        return profile.registryId();
    }

    @Override
    public Set<Tld> tlds() {
        return profile.tlds();
    }

    /**
     * Transfer, update, delete, restore, poll and balance always; contacts and hosts where the greeting announces
     * their objects (and, when the registry cannot be reached, by default), DNSSEC and launch phases only where
     * it announces secDNS 1.1 and launch 1.0.
     */
    @Override
    public Set<RegistryCapability> capabilities() {
        Set<RegistryCapability> capabilities = EnumSet.of(RegistryCapability.TRANSFER, RegistryCapability.UPDATE,
                RegistryCapability.DELETE, RegistryCapability.RESTORE, RegistryCapability.POLL,
                RegistryCapability.BALANCE);
        Greeting g;
        try {
            g = greeting();
        } catch (EppRegistryException e) {
            capabilities.add(RegistryCapability.CONTACTS);
            capabilities.add(RegistryCapability.HOSTS);
            return capabilities;
        }
        if (g.objectUris().contains(EppNamespaces.CONTACT)) {
            capabilities.add(RegistryCapability.CONTACTS);
        }
        if (g.objectUris().contains(EppNamespaces.HOST)) {
            capabilities.add(RegistryCapability.HOSTS);
        }
        if (g.extensionUris().contains(EppNamespaces.SEC_DNS)) {
            capabilities.add(RegistryCapability.DNSSEC);
        }
        if (g.extensionUris().contains(EppNamespaces.LAUNCH)) {
            capabilities.add(RegistryCapability.LAUNCH_PHASES);
        }
        return capabilities;
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

    /**
     * {@code contact:create} with an id derived from the idempotency key (so a retry of the same key names the
     * same contact: when the registry answers 2302 "exists" and {@code contact:info} shows the contact is ours,
     * it is the one created before). The registry may assign an id of its own; the answer's id is returned.
     * One postal info: {@code int} when every text is 7-bit ASCII, {@code loc} otherwise.
     */
    @Override
    public Outcome<ContactHandle> createContact(CreateContact command) {
        String generated = contactId(command.key());
        ContactCreate create;
        EppCommand sent;
        try {
            String id = hooks.contactId(command, generated);
            create = new ContactCreate(id, List.of(postalInfo(command.contact())), command.contact().phone(), null,
                    command.contact().email(), hooks.contactAuthInfo(command, newAuthCode()));
            sent = Extended.of(create, hooks.contactCreate(command, greeting()));
        } catch (EppProfileRefusal e) {
            return Outcome.error(e.code(), e.getMessage());
        } catch (EppRegistryException e) {
            return Outcome.canceled("not sent: " + e.getMessage());
        }
        EppResponse response;
        try {
            response = transport.execute(sent, ClientTransactionId.of(command.key().value()));
        } catch (Exception e) {
            return EppOutcomes.of(e);
        }
        if (response.code() == OBJECT_EXISTS && create.id().equals(generated)) {
            return existingContact(generated);
        }
        return EppOutcomes.of(response, response.isSuccess() ? new ContactHandle(response.data(ContactCreateData.class)
                .map(ContactCreateData::id).orElse(create.id())) : null);
    }

    /** A contact:create retried under its key found the contact: ours is the earlier create's. */
    private Outcome<ContactHandle> existingContact(String id) {
        EppResponse info;
        try {
            info = transport.execute(new ContactInfo(id, null), null);
        } catch (Exception e) {
            return Outcome.undefined("contact " + id + " exists; whose it is cannot be asked: " + e.getMessage());
        }
        Optional<ContactInfoData> data = info.data(ContactInfoData.class);
        if (info.isSuccess() && data.isPresent() && profile.clientId().equals(data.get().clientId())) {
            return Outcome.processed(new ContactHandle(id), info.transactionId() == null ? null
                    : info.transactionId().serverTransactionId());
        }
        return Outcome.error(Integer.toString(OBJECT_EXISTS), "contact id " + id + " is taken at "
                + profile.registryId());
    }

    /**
     * A contact id from the idempotency key: {@code k} and 15 base32 characters of its SHA-256, within
     * RFC 5730's clIDType (3–16 characters).
     */
    static String contactId(IdempotencyKey key) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(key.value().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder id = new StringBuilder("k");
        long bits = 0;
        int available = 0;
        int index = 0;
        while (id.length() < 16) {
            if (available < 5) {
                bits = (bits << 8) | (hash[index++] & 0xff);
                available += 8;
            }
            id.append(CONTACT_ID_ALPHABET.charAt((int) ((bits >> (available - 5)) & 31)));
            available -= 5;
        }
        return id.toString();
    }

    static PostalInfo postalInfo(Contact contact) {
        List<String> texts = new ArrayList<>(contact.address().street());
        texts.add(contact.name());
        texts.add(contact.address().city());
        contact.organizationIfPresent().ifPresent(texts::add);
        if (contact.address().region() != null) {
            texts.add(contact.address().region());
        }
        if (contact.address().postalCode() != null) {
            texts.add(contact.address().postalCode());
        }
        boolean ascii = texts.stream().allMatch(t -> t.chars().allMatch(c -> c < 128));
        return new PostalInfo(ascii ? "int" : "loc", contact.name(), contact.organization(),
                contact.address().street(), contact.address().city(), contact.address().region(),
                contact.address().postalCode(), contact.address().countryCode());
    }

    @Override
    public Outcome<DomainRegistration> register(RegisterDomain command) {
        List<CommandExtension> extensions = new ArrayList<>();
        Greeting g;
        DomainCreate create;
        List<Nameserver> glue;
        try {
            g = greeting();
            if (command.launch() != null) {
                requireAnnounced(g, EppNamespaces.LAUNCH, "launch phases");
                extensions.add(LaunchExtension.create(command.launch()));
            }
            if (!command.dsRecords().isEmpty()) {
                requireAnnounced(g, EppNamespaces.SEC_DNS, "DNSSEC (secDNS 1.1)");
                extensions.add(SecDnsExtension.create(command.dsRecords()));
            }
            if (command.allocationToken() != null) {
                requireAnnounced(g, EppNamespaces.ALLOCATION_TOKEN, "allocation tokens");
                extensions.add(AllocationTokenExtension.of(command.allocationToken()));
            }
            extensions.addAll(hooks.domainCreate(command, g));
            List<DomainContact> contacts = command.contacts().entrySet().stream()
                    .filter(e -> e.getKey() != ContactRole.REGISTRANT && hooks.domainCreateSendsContacts())
                    .map(e -> new DomainContact(role(e.getKey()), e.getValue().id())).toList();
            String authInfo = hooks.domainAuthInfo(command,
                    command.authCode() != null ? command.authCode() : newAuthCode());
            glue = usesHostObjects(g) ? command.nameservers().stream()
                    .filter(ns -> ns.needsGlueFor(command.name())).toList() : List.of();
            List<Nameserver> first = command.nameservers().stream().filter(ns -> !glue.contains(ns)).toList();
            if (usesHostObjects(g) && !first.isEmpty() && hooks.createsMissingHostsBeforeDomainCreate()) {
                // the domain may name only hosts that exist (RFC 5732): external ones are created first where missing
                String failure = ensureHosts(first);
                if (failure != null) {
                    return Outcome.error("host-create-failed", "the nameservers " + hostNames(first)
                            + " could not be created: " + failure);
                }
            }
            NameServers servers = usesHostObjects(g)
                    ? NameServers.hostObjects(first.stream().map(ns -> ns.host().ascii()).toList())
                    : nameServers(first);
            create = new DomainCreate(command.name().ascii(), period(command.period()),
                    first.isEmpty() ? NameServers.none() : servers, command.registrant().id(), contacts, authInfo);
            if (profile.feeAgreement()) {
                extensions.add(feeAgreement("create", command.name(), command.period(), "create"));
            }
        } catch (EppProfileRefusal e) {
            return Outcome.error(e.code(), e.getMessage());
        } catch (IllegalArgumentException e) {
            return Outcome.error("invalid", e.getMessage());
        } catch (EppRegistryException e) {
            return Outcome.canceled("not sent: " + e.getMessage());
        }
        Outcome<DomainRegistration> outcome = billable(Extended.of(create, extensions), command.key(),
                response -> {
                    String reference = hooks.createReference(response);
                    return response.data(DomainCreateData.class)
                            .map(d -> DomainRegistration.of(command.name(), d.createdAt(), d.expiryDate(), reference))
                            .orElse(DomainRegistration.of(command.name(), null, null, reference));
                });
        if (glue.isEmpty() || outcome.status() == OutcomeStatus.ERROR || outcome.status() == OutcomeStatus.CANCELED
                || outcome.status() == OutcomeStatus.UNDEFINED) {
            return outcome;
        }
        if (outcome.status() == OutcomeStatus.PENDING) {
            return new Outcome<>(outcome.status(), outcome.value(), outcome.code(), outcome.message()
                    + "; glue nameservers " + hostNames(glue) + " still to be added once the domain exists",
                    outcome.reference());
        }
        String failure = addGlue(command, glue);
        return failure == null ? outcome : new Outcome<>(outcome.status(), outcome.value(), outcome.code(),
                "registered, but the glue nameservers " + hostNames(glue) + " were not added: " + failure,
                outcome.reference());
    }

    /** Creates the glue hosts of a new domain and adds them to it; the failure's text, or null. */
    private String addGlue(RegisterDomain command, List<Nameserver> glue) {
        String failure = ensureHosts(glue);
        if (failure != null) {
            return failure;
        }
        DomainUpdate update = new DomainUpdate(command.name().ascii(),
                new DomainUpdate.Changes(NameServers.hostObjects(hostNames(glue)), List.of(), List.of()), null,
                null, null);
        try {
            EppResponse response = transport.execute(update,
                    ClientTransactionId.of(command.key().value() + "-ns"));
            return response.isSuccess() ? null : response.code() + " " + response.result().message();
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    /** {@code host:check} the hosts, then {@code host:create} the free ones with their addresses; failure text or null. */
    private String ensureHosts(List<Nameserver> hosts) {
        try {
            EppResponse check = transport.execute(new HostCheck(hostNames(hosts)), null);
            if (!check.isSuccess()) {
                return "host check answered " + check.code() + " " + check.result().message();
            }
            Map<String, Boolean> free = new HashMap<>();
            check.data(HostCheckData.class).ifPresent(d -> d.names()
                    .forEach(a -> free.put(a.name().toLowerCase(Locale.ROOT), a.available())));
            for (Nameserver ns : hosts) {
                if (!free.getOrDefault(ns.host().ascii(), Boolean.TRUE)) {
                    continue; // exists already
                }
                EppResponse created = transport.execute(new HostCreate(ns.host().ascii(), ns.addresses().stream()
                        .map(a -> IpAddress.of(a.getHostAddress())).toList()), null);
                if (!created.isSuccess() && created.code() != OBJECT_EXISTS) {
                    return "host create of " + ns.host().ascii() + " answered " + created.code() + " "
                            + created.result().message();
                }
            }
            return null;
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    private boolean usesHostObjects(Greeting g) {
        return g.objectUris().contains(EppNamespaces.HOST) && hooks.createsHostObjects(g);
    }

    private static List<String> hostNames(List<Nameserver> hosts) {
        return hosts.stream().map(ns -> ns.host().ascii()).toList();
    }

    private static void requireAnnounced(Greeting g, String uri, String what) {
        if (!g.extensionUris().contains(uri) && !g.objectUris().contains(uri)) {
            throw new EppProfileRefusal("unsupported", "the registry does not offer " + what + " (" + uri + ")");
        }
    }

    /**
     * The fee agreement of a billable command: the fee the registry quotes for it right now, by a check with
     * the fee extension.
     */
    private CommandExtension feeAgreement(String command, DomainName name, Period period, String element) {
        List<DomainPrice> prices = quote(List.of(name), command, period);
        DomainPrice price = prices.stream().filter(DomainPrice::quoted).findFirst()
                .orElseThrow(() -> new EppProfileRefusal("fee-unknown", "the registry quotes no " + command
                        + " fee for " + name + (prices.isEmpty() ? "" : ": " + prices.get(0).reason())));
        return FeeExtension.agreement(element, price.price());
    }

    /**
     * The registry's fee for the command on each name (RFC 8748 check); empty where the greeting does not
     * announce fee 1.0. The sum of a command's fee elements is its price; a name the registry does not quote
     * carries the registry's reason.
     *
     * @throws EppRegistryException when the registry cannot be reached or refuses the check
     */
    @Override
    public List<DomainPrice> quote(List<DomainName> names, String command, Period period) {
        if (names.isEmpty() || !announces(EppNamespaces.FEE)) {
            return List.of();
        }
        List<DomainPrice> prices = new ArrayList<>(names.size());
        for (int from = 0; from < names.size(); from += profile.maxCheckNames()) {
            List<DomainName> chunk = names.subList(from, Math.min(names.size(), from + profile.maxCheckNames()));
            EppCommand check = Extended.of(new DomainCheck(chunk.stream().map(DomainName::ascii).toList()),
                    List.of(FeeExtension.check(null, command, period == null ? null : period(period))));
            EppResponse response = query(check, "fee check");
            FeeCheckData fees = response.extension(FeeCheckData.class).orElseThrow(() -> new EppRegistryException(
                    "the registry answered a fee check without fee:chkData"));
            Map<String, FeeCheckData.Quote> byName = new HashMap<>();
            fees.quotes().forEach(q -> byName.put(q.name().toLowerCase(Locale.ROOT), q));
            for (DomainName name : chunk) {
                FeeCheckData.Quote q = byName.get(name.ascii());
                if (q == null) {
                    prices.add(new DomainPrice(name, command, period, null, false, "not quoted"));
                    continue;
                }
                FeeCheckData.CommandFee fee = q.commands().stream().filter(c -> command.equals(c.name()))
                        .findFirst().orElse(null);
                boolean premium = "premium".equalsIgnoreCase(q.feeClass());
                if (fee == null || fee.fee() == null) {
                    String reason = fee != null && fee.reason() != null ? fee.reason()
                            : q.reason() != null ? q.reason() : "no " + command + " fee quoted";
                    prices.add(new DomainPrice(name, command, period, null, premium, reason));
                } else {
                    Period quoted = fee.periodValue() == null ? period : "m".equals(fee.periodUnit())
                            ? Period.months(fee.periodValue()) : Period.years(fee.periodValue());
                    prices.add(new DomainPrice(name, command, quoted,
                            Money.rounded(fee.fee(), fees.currency(), RoundingMode.HALF_UP), premium, null));
                }
            }
        }
        return List.copyOf(prices);
    }

    @Override
    public Outcome<DomainRegistration> renew(RenewDomain command) {
        EppCommand renew = new DomainRenew(command.name().ascii(), command.currentExpiry(), period(command.period()));
        try {
            if (profile.feeAgreement()) {
                renew = Extended.of(renew, List.of(feeAgreement("renew", command.name(), command.period(), "renew")));
            }
        } catch (EppProfileRefusal e) {
            return Outcome.error(e.code(), e.getMessage());
        } catch (EppRegistryException e) {
            return Outcome.canceled("not sent: " + e.getMessage());
        }
        return billable(renew, command.key(), response -> response.data(DomainRenewData.class)
                .map(d -> DomainRegistration.of(command.name(), null, d.expiryDate(), null))
                .orElse(DomainRegistration.of(command.name(), null, null, null)));
    }

    @Override
    public Outcome<DomainTransfer> requestTransfer(TransferDomain command) {
        var transfer = new org.kontor.plugins.epp.command.DomainTransfer(
                org.kontor.plugins.epp.command.DomainTransfer.Operation.REQUEST, command.name().ascii(),
                command.period() == null ? null : period(command.period()), command.authCode());
        EppCommand sent = transfer;
        try {
            if (profile.feeAgreement()) {
                sent = Extended.of(transfer, List.of(feeAgreement("transfer", command.name(), command.period(),
                        "transfer")));
            }
        } catch (EppProfileRefusal e) {
            return Outcome.error(e.code(), e.getMessage());
        } catch (EppRegistryException e) {
            return Outcome.canceled("not sent: " + e.getMessage());
        }
        return billable(sent, command.key(), response -> transfer(command.name(), response));
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
     * Checks another registrar's auth code with a {@code domain:info} carrying it as {@code domain:authInfo/pw}
     * (RFC 5731 §3.1.2), which moves nothing. 2202 or 2201 is a wrong code, unless an info without the code shows
     * the domain locked (then it is not transferable, whatever the code); 2303 a domain that does not exist. A
     * domain we sponsor already, one with {@code clientTransferProhibited}, {@code serverTransferProhibited},
     * {@code pendingTransfer} or {@code pendingDelete}, or one created or last transferred within the profile's
     * transfer lock is not transferable. Any other answer or a failure to reach the registry is UNKNOWN. Where the
     * hooks say the registry does not check codes on info, the info is sent without the code and a transferable
     * domain is answered UNSUPPORTED. The code is never logged nor put in a reason.
     */
    @Override
    public AuthCodeCheck verifyAuthCode(DomainName name, String authCode) {
        if (authCode == null || authCode.isBlank()) {
            return AuthCodeCheck.invalid("no auth code was given");
        }
        boolean checksCode = hooks.checksAuthInfoOnInfo();
        var command = checksCode
                ? org.kontor.plugins.epp.command.DomainInfo.withAuthInfo(name.ascii(), authCode)
                : org.kontor.plugins.epp.command.DomainInfo.of(name.ascii());
        EppResponse response;
        try {
            response = transport.execute(command, null);
        } catch (Exception e) {
            return AuthCodeCheck.unknown("the registry " + profile.registryId() + " did not answer the info on " + name
                    + ": " + e.getMessage());
        }
        int code = response.code();
        if (code == INVALID_AUTHORIZATION || code == AUTHORIZATION_ERROR) {
            // a locked domain refuses every code: say it is locked, from the info anyone may read
            return publicInfo(name).flatMap(this::transferBlocker).map(AuthCodeCheck::notTransferable)
                    .orElse(AuthCodeCheck.invalid("the registry " + profile.registryId() + " refused the auth code for "
                            + name + " (" + code + ")"));
        }
        if (code == OBJECT_DOES_NOT_EXIST) {
            return AuthCodeCheck.notTransferable(name + " is not registered at " + profile.registryId());
        }
        Optional<DomainInfoData> data = response.data(DomainInfoData.class);
        if (!response.isSuccess() || data.isEmpty()) {
            return AuthCodeCheck.unknown("the info on " + name + " answered " + code + " "
                    + response.result().message());
        }
        Optional<String> blocker = transferBlocker(new Info(data.get(), response));
        if (blocker.isPresent()) {
            return AuthCodeCheck.notTransferable(blocker.get());
        }
        return checksCode ? AuthCodeCheck.valid()
                : AuthCodeCheck.unsupported("the registry " + profile.registryId()
                        + " checks the auth code only when the transfer is requested");
    }

    private record Info(DomainInfoData data, EppResponse response) {
    }

    /** The info on a domain without a code, or empty when the registry does not give it. */
    private Optional<Info> publicInfo(DomainName name) {
        try {
            EppResponse response = transport.execute(org.kontor.plugins.epp.command.DomainInfo.of(name.ascii()), null);
            return response.isSuccess() ? response.data(DomainInfoData.class).map(d -> new Info(d, response))
                    : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Why the domain cannot be transferred to us now, whatever the code; empty when nothing stands in the way. */
    private Optional<String> transferBlocker(Info info) {
        DomainInfoData d = info.data();
        String name = d.name();
        if (profile.clientId().equals(d.clientId())) {
            return Optional.of(name + " is with this registrar already");
        }
        for (String status : TRANSFER_BLOCKING_STATUSES) {
            if (d.statuses().contains(status)) {
                return Optional.of(name + " has the status " + status);
            }
        }
        Instant lockedSince = d.transferredAt() != null ? d.transferredAt() : d.createdAt();
        if (profile.transferLockDays() > 0 && lockedSince != null) {
            Instant lockEnds = lockedSince.plus(java.time.Duration.ofDays(profile.transferLockDays()));
            if (clock.instant().isBefore(lockEnds)) {
                return Optional.of(name + " was " + (d.transferredAt() != null ? "transferred" : "registered")
                        + " less than " + profile.transferLockDays() + " days ago; it can be transferred from "
                        + lockEnds);
            }
        }
        return Optional.ofNullable(hooks.transferBlocker(d, info.response()));
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
        return Optional.of(hooks.domainInfo(domainInfo(name, requireSuccess(response, "info")), response));
    }

    @Override
    public Outcome<DomainInfo> update(UpdateDomain command) {
        EppCommand sent;
        try {
            Greeting g = greeting();
            boolean hostObjects = usesHostObjects(g);
            List<CommandExtension> extensions = new ArrayList<>();
            if (!command.addDsRecords().isEmpty() || !command.removeDsRecords().isEmpty()) {
                requireAnnounced(g, EppNamespaces.SEC_DNS, "DNSSEC (secDNS 1.1)");
                extensions.add(SecDnsExtension.update(command.addDsRecords(), command.removeDsRecords()));
            }
            extensions.addAll(hooks.domainUpdate(command, g));
            if (command.autoRenew() != null && extensions.isEmpty() && nothingElse(command)
                    && hooks.domainUpdateAuthInfo(command) == null) {
                return Outcome.error("unsupported", profile.registryId() + " has no auto-renew setting in generic "
                        + "EPP (RFC 5731); nothing was sent for " + command.name());
            }
            if (hostObjects) {
                // A registry with host objects takes only nameservers that exist as hosts (RFC 5732): the added ones
                // are created first where missing, an external host without addresses, one inside the domain with
                // its glue.
                List<Nameserver> hosts = command.addNameservers().stream()
                        .filter(ns -> !ns.needsGlueFor(command.name()) || !ns.addresses().isEmpty()).toList();
                if (!hosts.isEmpty()) {
                    String failure = ensureHosts(hosts);
                    if (failure != null) {
                        return Outcome.error("host-create-failed", "the hosts " + hostNames(hosts)
                                + " could not be created: " + failure);
                    }
                }
            }
            DomainUpdate update = new DomainUpdate(command.name().ascii(),
                    changes(command.addNameservers(), command.addContacts(), command.addStatuses(), hostObjects),
                    changes(command.removeNameservers(), command.removeContacts(), command.removeStatuses(),
                            hostObjects),
                    command.newRegistrant() == null ? null : command.newRegistrant().id(),
                    hooks.domainUpdateAuthInfo(command));
            sent = Extended.of(update, extensions);
        } catch (EppProfileRefusal e) {
            return Outcome.error(e.code(), e.getMessage());
        } catch (EppRegistryException e) {
            return Outcome.canceled("not sent: " + e.getMessage());
        }
        Outcome<DomainInfo> outcome = billable(sent, command.key(), response -> null);
        return outcome.isProcessed() ? withValue(outcome, infoIfReachable(command.name())) : outcome;
    }

    /** Whether the update changes nothing but its auto-renew choice. */
    private static boolean nothingElse(UpdateDomain c) {
        return c.addNameservers().isEmpty() && c.removeNameservers().isEmpty() && c.addContacts().isEmpty()
                && c.removeContacts().isEmpty() && c.addStatuses().isEmpty() && c.removeStatuses().isEmpty()
                && c.newRegistrant() == null && c.addDsRecords().isEmpty() && c.removeDsRecords().isEmpty();
    }

    @Override
    public Outcome<Void> delete(DeleteDomain command) {
        return billable(new DomainDelete(command.name().ascii()), command.key(), response -> null);
    }

    @Override
    public Outcome<DomainRegistration> restore(RestoreDomain command) {
        EppCommand restore;
        try {
            EppResponse[] current = {null};
            restore = hooks.restore(command, clock.instant(), () -> {
                if (current[0] == null) {
                    current[0] = send(org.kontor.plugins.epp.command.DomainInfo.of(command.name().ascii()), null,
                            "info");
                }
                return current[0];
            });
            if (profile.feeAgreement()) {
                restore = Extended.of(restore, List.of(feeAgreement("restore", command.name(), null, "update")));
            }
        } catch (EppProfileRefusal e) {
            return Outcome.error(e.code(), e.getMessage());
        } catch (EppRegistryException e) {
            return Outcome.canceled("not sent: " + e.getMessage());
        }
        boolean[] reportDue = {false};
        Outcome<DomainRegistration> outcome = billable(restore, command.key(), response -> {
            reportDue[0] = response.extension(RgpData.class)
                    .map(rgp -> rgp.statuses().contains("pendingRestore")).orElse(false);
            return DomainRegistration.of(command.name(), null, null, null);
        });
        if (outcome.isProcessed() && reportDue[0]) {
            outcome = restoreReport(command, outcome);
        }
        if (!outcome.isProcessed()) {
            return outcome;
        }
        // The restore answer carries no dates; the expiry the host bills from comes from info.
        DomainInfo info = infoIfReachable(command.name());
        return withValue(outcome, info == null ? outcome.value()
                : DomainRegistration.of(command.name(), info.createdAt(), info.expiresAt(), info.registryReference()));
    }

    /**
     * RFC 3915 §3.2: after a request answered {@code pendingRestore} the registry restores the domain only on a
     * report; it goes out under the key with {@code -report}, with the domain's data as {@code info} shows it
     * (a restore brings it back as it was), its last update as the deletion time and the two statements.
     */
    private Outcome<DomainRegistration> restoreReport(RestoreDomain command, Outcome<DomainRegistration> requested) {
        EppResponse info;
        try {
            info = transport.execute(org.kontor.plugins.epp.command.DomainInfo.of(command.name().ascii()), null);
        } catch (Exception e) {
            return Outcome.undefined("restore of " + command.name() + " requested; its data for the report could "
                    + "not be read: " + e.getMessage());
        }
        Optional<DomainInfoData> data = info.data(DomainInfoData.class);
        Instant now = clock.instant();
        String registration = data.map(d -> "registrant=" + d.registrant() + " contacts=" + d.contacts().stream()
                .map(c -> c.type() + ":" + c.contactId()).toList() + " ns=" + d.nameServers().stream()
                .map(NameServer::hostName).toList() + " exDate=" + d.expiryDate()).orElse(command.name().ascii());
        Instant deletedAt = data.map(DomainInfoData::updatedAt).filter(t -> !t.isAfter(now)).orElse(now);
        String reason = command.report() == null || command.report().isBlank()
                ? "Restored at the registrant's request" : command.report();
        DomainRestore report = new DomainRestore(command.name().ascii(), new DomainRestore.Report(registration,
                registration, deletedAt, now, reason, NOT_FOR_OWN_USE, null, FACTUAL));
        Outcome<DomainRegistration> reported = billable(report, IdempotencyKey.of(command.key().value() + "-report"),
                response -> requested.value());
        return reported.isProcessed() ? requested : reported;
    }

    /**
     * Answers from {@code info} alone: ours → PROCESSED (PENDING while the registry still shows
     * {@code pendingCreate}), absent → CANCELED, another registrar's → ERROR, no answer → UNDEFINED. Where the
     * registry decides creates later, an application it still decides shows as {@code pendingCreate}; one it
     * refused is gone, so absent is final there too.
     *
     * <p>This reading is sound for creates only. EPP (RFC 5730) has no query of a past transaction by its clTRID,
     * and {@code info} shows state, not history: after a renew whose answer was lost the expiry date says
     * nothing without the expiry the caller started from, and a restored domain looks like one never deleted.
     * Neither is passed here, so for a lost renew or restore PROCESSED only means the domain is ours.
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
            if (hooks.decidesCreatesLater()) {
                // an application being decided shows in info with pendingCreate; none at all means it was refused
                return Outcome.canceled("no application for " + name + " at " + profile.registryId()
                        + ": the registry refused the create (" + key + ", see its poll queue) or never received it");
            }
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
     * All four figures where the greeting announces the balance mapping. Verisign's mapping gives the
     * low-balance threshold either as an amount or as a percentage; a percentage is of the credit limit
     * ({@code threshold = creditLimit × percent / 100}, rounded half up to the currency's minor unit), the
     * mapping's definition of {@code creditThreshold/percent}.
     *
     * @throws EppRegistryException when the registry cannot be reached or refuses the query
     */
    @Override
    public Optional<RegistryBalance> registryBalance() {
        if (!announces(EppNamespaces.BALANCE)) {
            return Optional.empty();
        }
        BalanceData d = query(new BalanceInfo(), "balance").data(BalanceData.class)
                .orElseThrow(() -> new EppRegistryException("the balance answer carries no balance"));
        return Optional.of(registryBalance(d));
    }

    static RegistryBalance registryBalance(BalanceData d) {
        Money threshold = d.creditThresholdFixed() != null ? d.creditThresholdFixed()
                : d.creditLimit().times(BigDecimal.valueOf(d.creditThresholdPercent()).movePointLeft(2),
                        RoundingMode.HALF_UP);
        return new RegistryBalance(d.balance(), d.creditLimit(), d.availableCredit(), threshold);
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

    /**
     * Sends a command under the key as clTRID and maps the answer; what a processed or pending answer yields
     * comes from {@code value}. For registry plugins that send commands of their own.
     */
    public <T> Outcome<T> billable(EppCommand command, IdempotencyKey key, Function<EppResponse, T> value) {
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
            Set<String> statuses, boolean hostObjects) {
        List<DomainContact> domainContacts = contacts.entrySet().stream()
                .filter(e -> e.getKey() != ContactRole.REGISTRANT)
                .map(e -> new DomainContact(role(e.getKey()), e.getValue().id())).toList();
        NameServers servers = hostObjects && !nameservers.isEmpty()
                ? NameServers.hostObjects(hostNames(nameservers)) : nameServers(nameservers);
        return new DomainUpdate.Changes(servers, domainContacts, List.copyOf(statuses));
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

    static org.kontor.plugins.epp.command.Period period(Period period) {
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
