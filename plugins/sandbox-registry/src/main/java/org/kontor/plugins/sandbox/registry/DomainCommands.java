package org.kontor.plugins.sandbox.registry;

import static org.kontor.plugins.sandbox.protocol.Xml.child;
import static org.kontor.plugins.sandbox.protocol.Xml.children;
import static org.kontor.plugins.sandbox.protocol.Xml.dkhm;
import static org.kontor.plugins.sandbox.protocol.Xml.dkhmText;
import static org.kontor.plugins.sandbox.protocol.Xml.text;
import static org.kontor.plugins.sandbox.protocol.Xml.texts;
import static org.kontor.plugins.sandbox.protocol.Xml.value;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.kontor.api.money.Money;
import org.kontor.plugins.epp.codec.EppNamespaces;
import org.kontor.plugins.sandbox.protocol.EppResponse;
import org.kontor.plugins.sandbox.protocol.Ext;
import org.kontor.plugins.sandbox.protocol.ResponseData;
import org.kontor.plugins.sandbox.protocol.ResultCode;
import org.kontor.plugins.sandbox.protocol.XmlCommand;
import org.kontor.plugins.sandbox.registry.SandboxRegistry.Refusal;
import org.w3c.dom.Element;

/**
 * Domain commands: create (at once, or for the .dk profile answered 1001 and decided through the poll queue),
 * info, update (RFC 5731, restore of RFC 3915, .dk auth ids), renew, delete into the redemption grace period, and
 * transfers.
 */
final class DomainCommands {

    static final String DKHM = "urn:dkhm:params:xml:ns:dkhm-4.5";
    private static final String DOMAIN = EppNamespaces.DOMAIN;
    private static final String RGP = EppNamespaces.RGP;
    private static final Set<String> CLIENT_STATUSES = Set.of("clientHold", "clientDeleteProhibited",
            "clientRenewProhibited", "clientTransferProhibited", "clientUpdateProhibited");
    private static final Set<String> CONTACT_TYPES = Set.of("admin", "tech", "billing");
    /** A registry-generated .dk transfer token lives this long. */
    static final Duration DK_TOKEN_LIFETIME = Duration.ofDays(14);
    private static final AtomicLong TRACKING = new AtomicLong(System.nanoTime() % 50_000);

    private final SandboxRegistry registry;

    DomainCommands(SandboxRegistry registry) {
        this.registry = registry;
    }

    EppResponse execute(Handle h, String registrar, XmlCommand c, String clTRID, String svTRID) {
        return switch (c.verb()) {
            case "create" -> create(h, registrar, c, clTRID, svTRID);
            case "info" -> info(h, registrar, c, clTRID, svTRID);
            case "update" -> update(h, registrar, c, clTRID, svTRID);
            case "renew" -> renew(h, registrar, c, clTRID, svTRID);
            case "delete" -> delete(h, registrar, c, clTRID, svTRID);
            case "transfer" -> transfer(h, registrar, c, clTRID, svTRID);
            default -> EppResponse.of(ResultCode.UNIMPLEMENTED_COMMAND, clTRID, svTRID);
        };
    }

    private static String name(XmlCommand c) {
        String name = text(c.object(), DOMAIN, "name");
        if (name == null || name.isEmpty()) {
            throw new Refusal(ResultCode.REQUIRED_PARAMETER_MISSING, "domain:name");
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private Domain existing(Handle h, String name) {
        return SandboxRegistry.findAny(h, name).orElseThrow(() -> new Refusal(ResultCode.OBJECT_DOES_NOT_EXIST, name));
    }

    private static void sponsor(Domain d, String registrar) {
        if (!d.registrar().equals(registrar)) {
            throw new Refusal(ResultCode.AUTHORIZATION_ERROR, "the domain is another registrar's");
        }
    }

    /** The statuses a domain shows: its client statuses and the server's pending ones, or ok. */
    private static List<String> statuses(Handle h, Domain d) {
        List<String> statuses = new ArrayList<>(d.clientStatuses());
        if (d.pendingCreate()) {
            statuses.add("pendingCreate");
        }
        if (d.deleted()) {
            statuses.add("pendingDelete");
        }
        if (pendingTransfer(h, d.name()).isPresent()) {
            statuses.add("pendingTransfer");
        }
        if (statuses.isEmpty()) {
            statuses.add("ok");
        }
        return statuses;
    }

    /** Refuses when a status forbids the operation: the client one named, or any pending state. */
    private static void allowed(Handle h, Domain d, String clientProhibition) {
        if (d.deleted()) {
            throw new Refusal(ResultCode.STATUS_PROHIBITS_OPERATION, "pendingDelete");
        }
        if (d.pendingCreate()) {
            throw new Refusal(ResultCode.STATUS_PROHIBITS_OPERATION, "pendingCreate");
        }
        if (pendingTransfer(h, d.name()).isPresent()) {
            throw new Refusal(ResultCode.STATUS_PROHIBITS_OPERATION, "pendingTransfer");
        }
        if (clientProhibition != null && d.clientStatuses().contains(clientProhibition)) {
            throw new Refusal(ResultCode.STATUS_PROHIBITS_OPERATION, clientProhibition);
        }
    }

    private static int years(Element object) {
        Element period = child(object, DOMAIN, "period");
        if (period == null) {
            return 1;
        }
        int value;
        try {
            value = Integer.parseInt(period.getTextContent().strip());
        } catch (NumberFormatException e) {
            throw new Refusal(ResultCode.SYNTAX_ERROR, "domain:period is not a number");
        }
        int years = "m".equals(period.getAttribute("unit")) ? (value + 11) / 12 : value;
        if (years < 1 || years > 10) {
            throw new Refusal(ResultCode.PARAMETER_RANGE_ERROR, "a period is 1 to 10 years");
        }
        return years;
    }

    // ---------------------------------------------------------------- create

    private EppResponse create(Handle h, String registrar, XmlCommand c, String clTRID, String svTRID) {
        Element o = c.object();
        String name = name(c);
        boolean dk = registry.settings().isDk(name);
        if (!registry.isDemoTld(name)) {
            throw new Refusal(ResultCode.PARAMETER_POLICY_ERROR, "Not a sandbox TLD: " + name);
        }
        int years = years(o);
        String registrant = value(o, DOMAIN, "registrant");
        List<ResponseData.ContactRef> contacts = children(o, DOMAIN, "contact").stream()
                .map(e -> new ResponseData.ContactRef(e.getAttribute("type"), e.getTextContent().strip())).toList();
        List<String> nameServers = nameServers(child(o, DOMAIN, "ns"));
        Instant now = registry.clock().instant();
        Boolean autoRenew = null;
        if (dk) {
            if (years != 1) {
                throw new Refusal(ResultCode.SYNTAX_ERROR, "Invalid period " + years + ". Must be within range");
            }
            orderConfirmation(c.extension(), now);
            if (registrant == null) {
                throw new Refusal(ResultCode.REQUIRED_PARAMETER_MISSING, "domain:registrant");
            }
            if (!contacts.isEmpty()) {
                throw new Refusal(ResultCode.PARAMETER_POLICY_ERROR,
                        "Specifying contacts for registrar handled domains is not allowed");
            }
            Boolean renew = autoRenew(c);
            autoRenew = renew == null || renew;
        }
        if (dk || registry.settings().rules().strictReferences()) {
            references(h, registrant, contacts, nameServers);
        }
        if (SandboxRegistry.findAny(h, name).isPresent()) {
            throw new Refusal(ResultCode.OBJECT_EXISTS, name);
        }
        Money price = registry.price(name, years);
        if (!registry.charge(h, registrar, price)) {
            throw new Refusal(ResultCode.BILLING_FAILURE, dk ? "Insufficient credit. Domain cannot be created."
                    : "The balance does not cover " + price);
        }
        Instant expires = SandboxRegistry.plusYears(now, years);
        String roid = "D" + ContactHostCommands.hex(16) + "-SANDBOX";
        String authInfo = dk ? "" : Optional.ofNullable(child(o, DOMAIN, "authInfo"))
                .map(a -> text(a, DOMAIN, "pw")).orElse("");
        String trackingNo = DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.ofInstant(now, ZoneOffset.UTC))
                + String.format("%05d", TRACKING.incrementAndGet() % 100_000);
        String dkSvTRID = svTRID + "-" + trackingNo;
        h.createUpdate("INSERT INTO sandbox_registry_domain (name, roid, registrar, created_at, expires_at, statuses, "
                        + "auth_info, registrant, decide_at, create_cl_trid, create_sv_trid, create_price_minor, "
                        + "auto_renew) VALUES (:n, :roid, :r, :cr, :ex, 'ok', :a, :reg, :decide, :ct, :st, :p, :ar)")
                .bind("n", name).bind("roid", roid).bind("r", registrar).bind("cr", now.toEpochMilli())
                .bind("ex", expires.toEpochMilli()).bind("a", authInfo).bind("reg", registrant)
                .bind("decide", dk ? now.plus(registry.settings().rules().dkDecisionDelay()).toEpochMilli() : null)
                .bind("ct", dk ? clTRID : null).bind("st", dk ? dkSvTRID : null)
                .bind("p", price.toMinorUnits()).bind("ar", autoRenew == null ? null : autoRenew ? 1 : 0)
                .execute();
        link(h, name, contacts, nameServers);
        if (dk) {
            return new EppResponse(ResultCode.ACTION_PENDING, null, null, null, clTRID, dkSvTRID,
                    List.of(Ext.leaf(DKHM, "dkhm", "trackingNo", trackingNo),
                            Ext.leaf(DKHM, "dkhm", "registrant_validated", "1")));
        }
        registry.enqueue(h, registrar, "Domain " + name + " created");
        return EppResponse.withData(ResultCode.SUCCESS, new ResponseData.DomainCreated(name, now, expires), clTRID,
                svTRID);
    }

    /** dkhm:orderconfirmationToken: epoch seconds, at most 24 hours ahead and 30 days back. */
    private static void orderConfirmation(Element extension, Instant now) {
        Element token = dkhm(extension, "orderconfirmationToken");
        if (token == null) {
            throw new Refusal(ResultCode.REQUIRED_PARAMETER_MISSING, "dkhm:orderconfirmationToken is mandatory");
        }
        String text = token.getTextContent().strip();
        long seconds;
        try {
            seconds = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new Refusal(ResultCode.PARAMETER_SYNTAX_ERROR,
                    "Bad value for dkhm:orderconfirmationToken: >" + text + "<");
        }
        if (seconds > now.plus(Duration.ofHours(24)).getEpochSecond()
                || seconds < now.minus(Duration.ofDays(30)).getEpochSecond()) {
            throw new Refusal(ResultCode.PARAMETER_RANGE_ERROR,
                    "dkhm:orderconfirmationToken: >" + text + "< exceeds allowed threshold");
        }
    }

    private static List<String> nameServers(Element ns) {
        List<String> hosts = new ArrayList<>();
        for (String host : texts(ns, DOMAIN, "hostObj")) {
            hosts.add(host.toLowerCase(Locale.ROOT));
        }
        if (!children(ns, DOMAIN, "hostAttr").isEmpty()) {
            throw new Refusal(ResultCode.PARAMETER_POLICY_ERROR, "the sandbox takes host objects, not hostAttr");
        }
        return hosts;
    }

    private static void references(Handle h, String registrant, List<ResponseData.ContactRef> contacts,
            List<String> nameServers) {
        if (registrant != null && ContactHostCommands.contact(h, registrant).isEmpty()) {
            throw new Refusal(ResultCode.OBJECT_DOES_NOT_EXIST, "registrant " + registrant);
        }
        for (ResponseData.ContactRef contact : contacts) {
            if (!CONTACT_TYPES.contains(contact.type())) {
                throw new Refusal(ResultCode.PARAMETER_SYNTAX_ERROR, "contact type " + contact.type());
            }
            if (ContactHostCommands.contact(h, contact.id()).isEmpty()) {
                throw new Refusal(ResultCode.OBJECT_DOES_NOT_EXIST, "contact " + contact.id());
            }
        }
        for (String ns : nameServers) {
            if (ContactHostCommands.host(h, ns).isEmpty()) {
                throw new Refusal(ResultCode.OBJECT_DOES_NOT_EXIST, "host " + ns);
            }
        }
    }

    private static void link(Handle h, String domain, List<ResponseData.ContactRef> contacts,
            List<String> nameServers) {
        for (ResponseData.ContactRef contact : contacts) {
            h.createUpdate("INSERT INTO sandbox_registry_domain_contact (domain, type, contact) VALUES (:d, :t, :c)")
                    .bind("d", domain).bind("t", contact.type()).bind("c", contact.id()).execute();
        }
        for (String ns : nameServers) {
            h.createUpdate("INSERT INTO sandbox_registry_domain_host (domain, host) VALUES (:d, :h)")
                    .bind("d", domain).bind("h", ns).execute();
        }
    }

    // ---------------------------------------------------------------- info

    /**
     * RFC 5731 §3.1.2: the sponsor sees everything; another registrar sending the domain's auth code as
     * {@code domain:authInfo} sees everything too, and with a wrong one gets 2202. The .dk profile, like the .dk
     * registry, takes no code on info and answers every registrar the public view.
     */
    private EppResponse info(Handle h, String registrar, XmlCommand c, String clTRID, String svTRID) {
        String name = name(c);
        Domain d = existing(h, name);
        boolean dkName = registry.settings().isDk(name);
        String pw = Optional.ofNullable(child(c.object(), DOMAIN, "authInfo")).map(a -> text(a, DOMAIN, "pw"))
                .orElse(null);
        boolean sponsor = d.registrar().equals(registrar);
        if (!sponsor && pw != null && !dkName) {
            if (d.authInfo().isEmpty() || !pw.equals(d.authInfo())) {
                throw new Refusal(ResultCode.INVALID_AUTHORIZATION_INFORMATION, "wrong auth code for " + name);
            }
            sponsor = true; // authorised by the code: the full view
        }
        List<ResponseData.ContactRef> contacts = h.createQuery("SELECT type, contact FROM "
                        + "sandbox_registry_domain_contact WHERE domain = :d ORDER BY type, contact")
                .bind("d", name).map((rs, ctx) -> new ResponseData.ContactRef(rs.getString("type"),
                        rs.getString("contact"))).list();
        List<String> ns = h.createQuery("SELECT host FROM sandbox_registry_domain_host WHERE domain = :d ORDER BY host")
                .bind("d", name).mapTo(String.class).list();
        List<String> subordinates = sponsor ? h.createQuery("SELECT name FROM sandbox_registry_host "
                        + "WHERE name LIKE :suffix ORDER BY name")
                .bind("suffix", "%." + name).mapTo(String.class).list() : List.of();
        boolean dk = registry.settings().isDk(name);
        String authInfo = !sponsor ? null : dk ? null : d.authInfo();
        EppResponse response = EppResponse.withData(ResultCode.SUCCESS, new ResponseData.DomainInformation(name,
                d.roid(), statuses(h, d), d.registrant(), contacts, ns, subordinates, d.registrar(), d.registrar(),
                d.createdAt(), d.updatedBy(), d.updatedAt(), d.expiresAt(), d.transferredAt(), authInfo), clTRID,
                svTRID);
        List<Ext> ext = new ArrayList<>();
        if (d.deleted()) {
            ext.add(new Ext(RGP, "rgp", "infData", java.util.Map.of(), null, List.of())
                    .child(Ext.leaf(RGP, "rgp", "rgpStatus", null).attribute("s", d.rgpStatus())));
        }
        if (dk && d.autoRenew() != null) {
            ext.add(Ext.leaf(DKHM, "dkhm", "autoRenew", Boolean.toString(d.autoRenew())));
        }
        if (dk && sponsor && activeToken(d, registry.clock().instant())) {
            ext.add(Ext.leaf(DKHM, "dkhm", "authInfo", d.authInfo()).attribute("op", "transfer")
                    .attribute("expdate", d.authExpiresAt().toString()));
        }
        return response.withExtension(ext);
    }

    private static boolean activeToken(Domain d, Instant now) {
        return d.authExpiresAt() != null && d.authExpiresAt().isAfter(now) && !d.authInfo().isEmpty();
    }

    // ---------------------------------------------------------------- update and restore

    private EppResponse update(Handle h, String registrar, XmlCommand c, String clTRID, String svTRID) {
        Element o = c.object();
        String name = name(c);
        Domain d = existing(h, name);
        sponsor(d, registrar);
        boolean dk = registry.settings().isDk(name);
        Element restore = child(child(c.extension(), RGP, "update"), RGP, "restore");
        if (restore != null) {
            return restore(h, registrar, d, restore, dk, clTRID, svTRID);
        }
        Element add = child(o, DOMAIN, "add");
        Element rem = child(o, DOMAIN, "rem");
        Element chg = child(o, DOMAIN, "chg");
        List<String> addStatus = ContactHostCommands.statuses(add, DOMAIN);
        List<String> remStatus = ContactHostCommands.statuses(rem, DOMAIN);
        boolean onlyUnlock = remStatus.contains("clientUpdateProhibited") && addStatus.isEmpty()
                && children(add).isEmpty() && children(chg).isEmpty() && children(c.extension()).isEmpty()
                && children(rem).stream().allMatch(e -> "status".equals(e.getLocalName()));
        allowed(h, d, onlyUnlock ? null : "clientUpdateProhibited");
        if (d.clientStatuses().contains("serverUpdateProhibited")) {
            throw new Refusal(ResultCode.STATUS_PROHIBITS_OPERATION, "serverUpdateProhibited");
        }
        LinkedHashSet<String> statuses = new LinkedHashSet<>(d.clientStatuses());
        for (String s : remStatus) {
            if (!statuses.remove(s)) {
                throw new Refusal(ResultCode.PARAMETER_POLICY_ERROR, "the domain has no status " + s);
            }
        }
        for (String s : addStatus) {
            if (!CLIENT_STATUSES.contains(s)) {
                throw new Refusal(ResultCode.PARAMETER_POLICY_ERROR, "a client may set only client statuses: " + s);
            }
            if (!statuses.add(s)) {
                throw new Refusal(ResultCode.PARAMETER_POLICY_ERROR, "the domain has status " + s + " already");
            }
        }
        boolean strict = dk || registry.settings().rules().strictReferences();
        List<String> addNs = nameServers(child(add, DOMAIN, "ns"));
        List<String> remNs = nameServers(child(rem, DOMAIN, "ns"));
        List<ResponseData.ContactRef> addContacts = contacts(add);
        List<ResponseData.ContactRef> remContacts = contacts(rem);
        String registrant = chg == null ? null : value(chg, DOMAIN, "registrant");
        if (strict) {
            references(h, registrant, addContacts, addNs);
        }
        if (dk && !addContacts.isEmpty()) {
            throw new Refusal(ResultCode.PARAMETER_POLICY_ERROR,
                    "Specifying contacts for registrar handled domains is not allowed");
        }
        if (dk && registrant != null) {
            orderConfirmation(c.extension(), registry.clock().instant());
        }
        for (String ns : remNs) {
            if (h.createUpdate("DELETE FROM sandbox_registry_domain_host WHERE domain = :d AND host = :h")
                    .bind("d", name).bind("h", ns).execute() == 0) {
                throw new Refusal(ResultCode.PARAMETER_POLICY_ERROR, "the domain does not use name server " + ns);
            }
        }
        for (ResponseData.ContactRef contact : remContacts) {
            if (h.createUpdate("DELETE FROM sandbox_registry_domain_contact WHERE domain = :d AND type = :t "
                            + "AND contact = :c").bind("d", name).bind("t", contact.type()).bind("c", contact.id())
                    .execute() == 0) {
                throw new Refusal(ResultCode.PARAMETER_POLICY_ERROR, "the domain has no " + contact.type()
                        + " contact " + contact.id());
            }
        }
        for (String ns : addNs) {
            if (h.createQuery("SELECT COUNT(*) FROM sandbox_registry_domain_host WHERE domain = :d AND host = :h")
                    .bind("d", name).bind("h", ns).mapTo(Long.class).one() > 0) {
                throw new Refusal(ResultCode.PARAMETER_POLICY_ERROR, "the domain uses name server " + ns + " already");
            }
        }
        link(h, name, addContacts, addNs);
        Instant now = registry.clock().instant();
        String authInfo = d.authInfo();
        Long authExpires = d.authExpiresAt() == null ? null : d.authExpiresAt().toEpochMilli();
        Element auth = chg == null ? null : child(chg, DOMAIN, "authInfo");
        if (auth != null) {
            String pw = text(auth, DOMAIN, "pw");
            if (dk) {
                if (pw != null && ("autotransfer".equalsIgnoreCase(pw) || "auto".equalsIgnoreCase(pw))) {
                    authInfo = "REG-TRANSFER-" + ContactHostCommands.hex(32).toLowerCase(Locale.ROOT);
                    authExpires = now.plus(DK_TOKEN_LIFETIME).toEpochMilli();
                } else if (pw == null || pw.isEmpty()) {
                    authInfo = "";
                    authExpires = null;
                } else {
                    throw new Refusal(ResultCode.PARAMETER_POLICY_ERROR,
                            "the registry generates auth ids: use the keyword autotransfer, or an empty pw to unset");
                }
            } else {
                authInfo = pw == null ? "" : pw;
            }
        }
        Boolean autoRenew = dk ? autoRenew(c) : null;
        h.createUpdate("UPDATE sandbox_registry_domain SET statuses = :s, registrant = COALESCE(:reg, registrant), "
                        + "auth_info = :a, auth_expires_at = :ae, auto_renew = COALESCE(:ar, auto_renew), "
                        + "updated_at = :at, updated_by = :by WHERE name = :n")
                .bind("s", statuses.isEmpty() ? "ok" : String.join(" ", statuses)).bind("reg", registrant)
                .bind("a", authInfo).bind("ae", authExpires)
                .bind("ar", autoRenew == null ? null : autoRenew ? 1 : 0)
                .bind("at", now.toEpochMilli()).bind("by", registrar).bind("n", name).execute();
        return EppResponse.of(ResultCode.SUCCESS, clTRID, svTRID);
    }

    /** dkhm:autoRenew of a create or update: true, false (the schema's two tokens), or null when absent. */
    private static Boolean autoRenew(XmlCommand c) {
        String text = dkhmText(c.extension(), "autoRenew");
        if (text == null) {
            return null;
        }
        return switch (text.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new Refusal(ResultCode.PARAMETER_SYNTAX_ERROR, "dkhm:autoRenew is true or false, not " + text);
        };
    }

    private static List<ResponseData.ContactRef> contacts(Element addOrRem) {
        return children(addOrRem, DOMAIN, "contact").stream()
                .map(e -> new ResponseData.ContactRef(e.getAttribute("type"), e.getTextContent().strip())).toList();
    }

    /**
     * RFC 3915 restore. The generic profile: request (charged, pendingRestore), then report within 7 days. The
     * .dk profile has no request: the report restores at once and is charged then.
     */
    private EppResponse restore(Handle h, String registrar, Domain d, Element restore, boolean dk, String clTRID,
            String svTRID) {
        String op = restore.getAttribute("op");
        Instant now = registry.clock().instant();
        if (!d.deleted()) {
            throw new Refusal(ResultCode.STATUS_PROHIBITS_OPERATION, "the domain is not in its redemption period");
        }
        if ("request".equals(op)) {
            if (dk) {
                throw new Refusal(ResultCode.UNIMPLEMENTED_COMMAND,
                        "the .dk registry has no restore request: send the report");
            }
            if (!"redemptionPeriod".equals(d.rgpStatus())) {
                throw new Refusal(ResultCode.STATUS_PROHIBITS_OPERATION, "rgp status " + d.rgpStatus());
            }
            if (!registry.charge(h, registrar, registry.price(d.name(), 1))) {
                throw new Refusal(ResultCode.BILLING_FAILURE, "the balance does not cover the restore");
            }
            h.createUpdate("UPDATE sandbox_registry_domain SET rgp_status = 'pendingRestore', rgp_since = :at, "
                    + "updated_at = :at, updated_by = :by WHERE name = :n")
                    .bind("at", now.toEpochMilli()).bind("by", registrar).bind("n", d.name()).execute();
            return EppResponse.of(ResultCode.SUCCESS, clTRID, svTRID).withExtension(List.of(
                    new Ext(RGP, "rgp", "upData", java.util.Map.of(), null, List.of())
                            .child(Ext.leaf(RGP, "rgp", "rgpStatus", null).attribute("s", "pendingRestore"))));
        }
        if (!"report".equals(op)) {
            throw new Refusal(ResultCode.SYNTAX_ERROR, "rgp:restore op is request or report");
        }
        if (!(dk ? "redemptionPeriod" : "pendingRestore").equals(d.rgpStatus())) {
            throw new Refusal(ResultCode.STATUS_PROHIBITS_OPERATION, "rgp status " + d.rgpStatus());
        }
        Element report = child(restore, RGP, "report");
        if (report == null) {
            throw new Refusal(ResultCode.REQUIRED_PARAMETER_MISSING, "rgp:report");
        }
        // RFC 3915 asks for every field with content and both statements; the .dk registry takes the report as an
        // acknowledgement whose texts may be empty (one empty statement), but not without the two times
        for (String field : List.of("preData", "postData", "delTime", "resTime", "resReason")) {
            boolean timed = "delTime".equals(field) || "resTime".equals(field);
            if (dk && !timed ? child(report, RGP, field) == null : value(report, RGP, field) == null) {
                throw new Refusal(ResultCode.REQUIRED_PARAMETER_MISSING, "rgp:" + field);
            }
        }
        if (children(report, RGP, "statement").size() < (dk ? 1 : 2)) {
            throw new Refusal(ResultCode.REQUIRED_PARAMETER_MISSING, dk ? "rgp:statement" : "rgp:statement, twice");
        }
        if (dk) {
            checkDeletionTime(value(report, RGP, "delTime"), d.deletedAt());
        }
        if (dk && !registry.charge(h, registrar, registry.price(d.name(), 1))) {
            throw new Refusal(ResultCode.BILLING_FAILURE, "the balance does not cover the restore");
        }
        h.createUpdate("UPDATE sandbox_registry_domain SET deleted_at = NULL, rgp_status = NULL, rgp_since = NULL, "
                + "updated_at = :at, updated_by = :by WHERE name = :n")
                .bind("at", now.toEpochMilli()).bind("by", registrar).bind("n", d.name()).execute();
        registry.enqueue(h, registrar, "Domain " + d.name() + " restored");
        return EppResponse.of(ResultCode.SUCCESS, clTRID, svTRID);
    }

    /**
     * The sandbox's .dk check of a restore report: {@code rgp:delTime} is when the domain was deleted (what info
     * shows as its last update), to the second. The specification only calls the field mandatory; the check is
     * there so that a client sending the time of the restore instead is found out.
     */
    private static void checkDeletionTime(String delTime, Instant deletedAt) {
        Instant given;
        try {
            given = OffsetDateTime.parse(delTime).toInstant();
        } catch (DateTimeParseException e) {
            throw new Refusal(ResultCode.PARAMETER_SYNTAX_ERROR, "rgp:delTime is not a date and time: " + delTime);
        }
        if (Math.abs(Duration.between(deletedAt, given).toMillis()) >= 1000) {
            throw new Refusal(ResultCode.PARAMETER_POLICY_ERROR, "rgp:delTime " + delTime
                    + " is not the deletion time of the domain, " + deletedAt.truncatedTo(ChronoUnit.SECONDS));
        }
    }

    // ---------------------------------------------------------------- renew and delete

    /** The .dk rule: a renewal is never refused for the balance, which may go below zero. */
    private EppResponse renew(Handle h, String registrar, XmlCommand c, String clTRID, String svTRID) {
        String name = name(c);
        Domain d = existing(h, name);
        sponsor(d, registrar);
        allowed(h, d, "clientRenewProhibited");
        String current = text(c.object(), DOMAIN, "curExpDate");
        LocalDate expiry = LocalDate.ofInstant(d.expiresAt(), ZoneOffset.UTC);
        if (current == null) {
            throw new Refusal(ResultCode.REQUIRED_PARAMETER_MISSING, "domain:curExpDate");
        }
        if (!expiry.toString().equals(current)) {
            throw new Refusal(ResultCode.PARAMETER_POLICY_ERROR,
                    "curExpDate " + current + " is not the expiry date " + expiry);
        }
        int years = years(c.object());
        registry.chargeAlways(h, registrar, registry.price(name, years));
        Instant expires = SandboxRegistry.plusYears(d.expiresAt(), years);
        h.createUpdate("UPDATE sandbox_registry_domain SET expires_at = :ex WHERE name = :n")
                .bind("ex", expires.toEpochMilli()).bind("n", name).execute();
        return EppResponse.withData(ResultCode.SUCCESS, new ResponseData.DomainRenewed(name, expires), clTRID, svTRID);
    }

    /** Deletion starts the redemption grace period (RFC 3915); the domain is purged after 35 days. */
    private EppResponse delete(Handle h, String registrar, XmlCommand c, String clTRID, String svTRID) {
        String name = name(c);
        Domain d = existing(h, name);
        sponsor(d, registrar);
        allowed(h, d, "clientDeleteProhibited");
        long subordinates = h.createQuery("SELECT COUNT(*) FROM sandbox_registry_host WHERE name LIKE :suffix")
                .bind("suffix", "%." + name).mapTo(Long.class).one();
        if (subordinates > 0) {
            throw new Refusal(ResultCode.ASSOCIATION_PROHIBITS_OPERATION,
                    "delete the hosts inside the domain first");
        }
        long now = registry.clock().millis();
        h.createUpdate("UPDATE sandbox_registry_domain SET deleted_at = :at, rgp_status = 'redemptionPeriod', "
                        + "rgp_since = :at, updated_at = :at, updated_by = :by WHERE name = :n")
                .bind("at", now).bind("by", registrar).bind("n", name).execute();
        registry.enqueue(h, registrar, "Domain " + name + " deleted");
        // the .dk registry flags the domain for deletion and answers 1001 (specification, "delete domain response")
        return EppResponse.of(registry.settings().isDk(name) ? ResultCode.ACTION_PENDING : ResultCode.SUCCESS, clTRID,
                svTRID);
    }

    // ---------------------------------------------------------------- transfers

    /** The latest transfer of a domain. */
    record Transfer(String domain, String status, String gaining, String losing, Instant requestedAt,
            Instant actDue, Instant actedAt, int years, long priceMinor) {
    }

    static Optional<Transfer> transferOf(Handle h, String domain) {
        return h.createQuery("SELECT * FROM sandbox_registry_transfer WHERE domain = :d").bind("d", domain)
                .map((rs, ctx) -> new Transfer(rs.getString("domain"), rs.getString("status"), rs.getString("gaining"),
                        rs.getString("losing"), Instant.ofEpochMilli(rs.getLong("requested_at")),
                        Instant.ofEpochMilli(rs.getLong("act_due")), SandboxRegistry.instant(rs, "acted_at"),
                        rs.getInt("years"), rs.getLong("price_minor")))
                .findOne();
    }

    private static Optional<Transfer> pendingTransfer(Handle h, String domain) {
        return transferOf(h, domain).filter(t -> "pending".equals(t.status()));
    }

    private EppResponse transfer(Handle h, String registrar, XmlCommand c, String clTRID, String svTRID) {
        String name = name(c);
        Domain d = existing(h, name);
        String pw = Optional.ofNullable(child(c.object(), DOMAIN, "authInfo")).map(a -> text(a, DOMAIN, "pw"))
                .orElse(null);
        return switch (c.op()) {
            case "request" -> request(h, registrar, d, c, pw, clTRID, svTRID);
            case "query" -> {
                Transfer t = transferOf(h, name)
                        .orElseThrow(() -> new Refusal(ResultCode.OBJECT_NOT_PENDING_TRANSFER, name));
                boolean party = registrar.equals(t.gaining()) || registrar.equals(t.losing())
                        || (pw != null && !pw.isEmpty() && pw.equals(d.authInfo()));
                if (!party) {
                    throw new Refusal(ResultCode.AUTHORIZATION_ERROR, "not a party to the transfer");
                }
                yield EppResponse.withData(ResultCode.SUCCESS, trnData(t, d), clTRID, svTRID);
            }
            case "approve", "reject" -> {
                Transfer t = pendingTransfer(h, name)
                        .orElseThrow(() -> new Refusal(ResultCode.OBJECT_NOT_PENDING_TRANSFER, name));
                if (!registrar.equals(t.losing())) {
                    throw new Refusal(ResultCode.AUTHORIZATION_ERROR, "only the losing registrar decides");
                }
                Instant now = registry.clock().instant();
                Transfer done = "approve".equals(c.op()) ? complete(h, t, "clientApproved", now)
                        : end(h, t, "clientRejected", now);
                yield EppResponse.withData(ResultCode.SUCCESS, trnData(done, existing(h, name)), clTRID, svTRID);
            }
            case "cancel" -> {
                Transfer t = pendingTransfer(h, name)
                        .orElseThrow(() -> new Refusal(ResultCode.OBJECT_NOT_PENDING_TRANSFER, name));
                if (!registrar.equals(t.gaining())) {
                    throw new Refusal(ResultCode.AUTHORIZATION_ERROR, "only the gaining registrar cancels");
                }
                Transfer done = end(h, t, "clientCancelled", registry.clock().instant());
                yield EppResponse.withData(ResultCode.SUCCESS, trnData(done, d), clTRID, svTRID);
            }
            default -> throw new Refusal(ResultCode.SYNTAX_ERROR, "transfer op " + c.op());
        };
    }

    private static ResponseData.DomainTransferData trnData(Transfer t, Domain d) {
        Instant expiry = "pending".equals(t.status()) ? SandboxRegistry.plusYears(d.expiresAt(), t.years())
                : d.expiresAt();
        return new ResponseData.DomainTransferData(t.domain(), t.status(), t.gaining(), t.requestedAt(), t.losing(),
                t.actedAt() != null ? t.actedAt() : t.actDue(), expiry);
    }

    private static String trnMessage(ResponseData.DomainTransferData t) {
        return String.join("\t", "trn", t.name(), t.status(), t.requestedBy(),
                Long.toString(t.requestedAt().toEpochMilli()), t.actionBy(), Long.toString(t.actionAt().toEpochMilli()),
                t.expiresAt() == null ? "-" : Long.toString(t.expiresAt().toEpochMilli()));
    }

    private EppResponse request(Handle h, String registrar, Domain d, XmlCommand c, String pw, String clTRID,
            String svTRID) {
        boolean dk = registry.settings().isDk(d.name());
        if (d.registrar().equals(registrar)) {
            throw new Refusal(ResultCode.NOT_ELIGIBLE_FOR_TRANSFER, "the domain is yours already");
        }
        if (pendingTransfer(h, d.name()).isPresent()) {
            throw new Refusal(ResultCode.OBJECT_PENDING_TRANSFER, d.name());
        }
        allowed(h, d, "clientTransferProhibited");
        if (d.clientStatuses().contains("serverTransferProhibited")) {
            throw new Refusal(ResultCode.STATUS_PROHIBITS_OPERATION, "serverTransferProhibited");
        }
        Instant now = registry.clock().instant();
        if (dk) {
            if (pw == null || pw.isEmpty() || !pw.equals(d.authInfo()) || !activeToken(d, now)) {
                throw new Refusal(ResultCode.INVALID_AUTHORIZATION_INFORMATION, "no valid auth id for " + d.name());
            }
            Transfer t = new Transfer(d.name(), "clientApproved", registrar, d.registrar(), now, now, now, 0, 0);
            save(h, t);
            moveTo(h, d, registrar, 0, now);
            ResponseData.DomainTransferData data = trnData(t, existing(h, d.name()));
            registry.enqueue(h, d.registrar(), "Domain " + d.name() + " transferred to " + registrar,
                    trnMessage(data));
            return EppResponse.withData(ResultCode.SUCCESS, data, clTRID, svTRID);
        }
        Instant lockedSince = d.transferredAt() != null ? d.transferredAt() : d.createdAt();
        if (now.isBefore(lockedSince.plus(SandboxRegistry.TRANSFER_LOCK))) {
            throw new Refusal(ResultCode.NOT_ELIGIBLE_FOR_TRANSFER,
                    "no transfer within 60 days of the registration or of the last transfer");
        }
        if (pw == null || d.authInfo().isEmpty() || !pw.equals(d.authInfo())) {
            throw new Refusal(ResultCode.INVALID_AUTHORIZATION_INFORMATION, d.name());
        }
        int years = child(c.object(), DOMAIN, "period") == null ? 1 : years(c.object());
        Money price = registry.price(d.name(), years);
        if (!registry.charge(h, registrar, price)) {
            throw new Refusal(ResultCode.BILLING_FAILURE, "the balance does not cover the transfer");
        }
        Transfer t = new Transfer(d.name(), "pending", registrar, d.registrar(), now,
                now.plus(registry.settings().rules().transferAutoApprove()), null, years, price.toMinorUnits());
        save(h, t);
        ResponseData.DomainTransferData data = trnData(t, d);
        registry.enqueue(h, d.registrar(), "Transfer of " + d.name() + " requested by " + registrar,
                trnMessage(data));
        return EppResponse.withData(ResultCode.ACTION_PENDING, data, clTRID, svTRID);
    }

    private static void save(Handle h, Transfer t) {
        h.createUpdate("DELETE FROM sandbox_registry_transfer WHERE domain = :d").bind("d", t.domain()).execute();
        h.createUpdate("INSERT INTO sandbox_registry_transfer (domain, status, gaining, losing, requested_at, act_due, "
                        + "acted_at, years, price_minor) VALUES (:d, :s, :g, :l, :req, :due, :acted, :y, :p)")
                .bind("d", t.domain()).bind("s", t.status()).bind("g", t.gaining()).bind("l", t.losing())
                .bind("req", t.requestedAt().toEpochMilli()).bind("due", t.actDue().toEpochMilli())
                .bind("acted", t.actedAt() == null ? null : t.actedAt().toEpochMilli()).bind("y", t.years())
                .bind("p", t.priceMinor()).execute();
    }

    /** The domain (and the hosts inside it) go to the gaining registrar; the expiry grows by the period. */
    private static void moveTo(Handle h, Domain d, String gaining, int years, Instant now) {
        h.createUpdate("UPDATE sandbox_registry_domain SET registrar = :g, expires_at = :ex, transferred_at = :at, "
                        + "updated_at = :at, updated_by = :g, auth_expires_at = NULL, "
                        + "auth_info = CASE WHEN auth_expires_at IS NULL THEN auth_info ELSE '' END WHERE name = :n")
                .bind("g", gaining).bind("ex", SandboxRegistry.plusYears(d.expiresAt(), years).toEpochMilli())
                .bind("at", now.toEpochMilli()).bind("n", d.name()).execute();
        h.createUpdate("UPDATE sandbox_registry_host SET registrar = :g WHERE name LIKE :suffix")
                .bind("g", gaining).bind("suffix", "%." + d.name()).execute();
    }

    private Transfer complete(Handle h, Transfer t, String status, Instant now) {
        Domain d = existing(h, t.domain());
        Transfer done = new Transfer(t.domain(), status, t.gaining(), t.losing(), t.requestedAt(), t.actDue(), now,
                t.years(), t.priceMinor());
        save(h, done);
        moveTo(h, d, t.gaining(), t.years(), now);
        notifyBoth(h, done, existing(h, t.domain()));
        return done;
    }

    /** A rejected or cancelled transfer: the gaining registrar gets its money back. */
    private Transfer end(Handle h, Transfer t, String status, Instant now) {
        Transfer done = new Transfer(t.domain(), status, t.gaining(), t.losing(), t.requestedAt(), t.actDue(), now,
                t.years(), t.priceMinor());
        save(h, done);
        registry.refund(h, t.gaining(), t.priceMinor());
        notifyBoth(h, done, existing(h, t.domain()));
        return done;
    }

    private void notifyBoth(Handle h, Transfer t, Domain d) {
        String data = trnMessage(trnData(t, d));
        registry.enqueue(h, t.gaining(), "Transfer of " + t.domain() + ": " + t.status(), data);
        registry.enqueue(h, t.losing(), "Transfer of " + t.domain() + ": " + t.status(), data);
    }

    // ---------------------------------------------------------------- time

    void processDue(Handle h, Instant now) {
        long at = now.toEpochMilli();
        for (String name : h.createQuery("SELECT name FROM sandbox_registry_domain WHERE decide_at <= :now")
                .bind("now", at).mapTo(String.class).list()) {
            decide(h, name, !name.startsWith("reject"), now);
        }
        for (Transfer t : h.createQuery("SELECT domain FROM sandbox_registry_transfer WHERE status = 'pending' "
                        + "AND act_due <= :now").bind("now", at).mapTo(String.class).list().stream()
                .map(domain -> transferOf(h, domain).orElseThrow()).toList()) {
            complete(h, t, "serverApproved", now);
        }
        h.createUpdate("UPDATE sandbox_registry_domain SET rgp_status = 'redemptionPeriod' "
                        + "WHERE rgp_status = 'pendingRestore' AND rgp_since <= :limit")
                .bind("limit", at - SandboxRegistry.RESTORE_REPORT_PERIOD.toMillis()).execute();
        h.createUpdate("UPDATE sandbox_registry_domain SET rgp_status = 'pendingDelete', rgp_since = :now "
                        + "WHERE rgp_status IN ('redemptionPeriod', 'pendingRestore') AND deleted_at <= :limit")
                .bind("now", at).bind("limit", at - SandboxRegistry.REDEMPTION_PERIOD.toMillis()).execute();
        List<Domain> purged = h.createQuery("SELECT name FROM sandbox_registry_domain WHERE rgp_status = 'pendingDelete' "
                        + "AND deleted_at <= :limit")
                .bind("limit", at - SandboxRegistry.REDEMPTION_PERIOD.plus(SandboxRegistry.PENDING_DELETE_PERIOD)
                        .toMillis())
                .mapTo(String.class).list().stream().map(n -> existing(h, n)).toList();
        for (Domain d : purged) {
            remove(h, d.name());
            registry.enqueue(h, d.registrar(), "Domain " + d.name() + " purged");
        }
    }

    private static void remove(Handle h, String name) {
        h.createUpdate("DELETE FROM sandbox_registry_domain_host WHERE domain = :n").bind("n", name).execute();
        h.createUpdate("DELETE FROM sandbox_registry_domain_contact WHERE domain = :n").bind("n", name).execute();
        h.createUpdate("DELETE FROM sandbox_registry_transfer WHERE domain = :n").bind("n", name).execute();
        h.createUpdate("DELETE FROM sandbox_registry_domain WHERE name = :n").bind("n", name).execute();
    }

    /** Decides a pending .dk create: approved, it is active; refused, it is removed and the price refunded. */
    boolean decide(Handle h, String name, boolean approve, Instant now) {
        Optional<Domain> found = SandboxRegistry.findAny(h, name).filter(Domain::pendingCreate);
        if (found.isEmpty()) {
            return false;
        }
        Domain d = found.get();
        if (approve) {
            h.createUpdate("UPDATE sandbox_registry_domain SET decide_at = NULL WHERE name = :n AND decide_at IS NOT NULL")
                    .bind("n", name).execute();
        } else {
            remove(h, name);
            registry.refund(h, d.registrar(), d.createPriceMinor());
        }
        String data = String.join("\t", "pan", name, approve ? "1" : "0",
                d.createClTRID() == null ? "-" : d.createClTRID(), d.createSvTRID(),
                Long.toString(now.toEpochMilli()), approve ? "GREEN" : "");
        registry.enqueue(h, d.registrar(), approve ? name + " has been registered and activated"
                : "The application for " + name + " has been cancelled", data);
        return true;
    }

    int decideAll(Handle h, Instant now) {
        int decided = 0;
        for (String name : h.createQuery("SELECT name FROM sandbox_registry_domain WHERE decide_at IS NOT NULL")
                .mapTo(String.class).list()) {
            if (decide(h, name, !name.startsWith("reject"), now)) {
                decided++;
            }
        }
        return decided;
    }
}
