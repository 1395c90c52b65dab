package org.kontor.plugins.sandbox.registry;

import static org.kontor.plugins.sandbox.protocol.Xml.child;
import static org.kontor.plugins.sandbox.protocol.Xml.children;
import static org.kontor.plugins.sandbox.protocol.Xml.dkhm;
import static org.kontor.plugins.sandbox.protocol.Xml.dkhmText;
import static org.kontor.plugins.sandbox.protocol.Xml.text;
import static org.kontor.plugins.sandbox.protocol.Xml.texts;
import static org.kontor.plugins.sandbox.protocol.Xml.value;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.kontor.plugins.epp.codec.EppNamespaces;
import org.kontor.plugins.sandbox.protocol.EppResponse;
import org.kontor.plugins.sandbox.protocol.Ext;
import org.kontor.plugins.sandbox.protocol.ResponseData;
import org.kontor.plugins.sandbox.protocol.ResponseData.CheckedName;
import org.kontor.plugins.sandbox.protocol.ResultCode;
import org.kontor.plugins.sandbox.protocol.XmlCommand;
import org.kontor.plugins.sandbox.registry.SandboxRegistry.Refusal;
import org.w3c.dom.Element;

/** Contact (RFC 5733, with the .dk profile's dkhm fields) and host (RFC 5732) commands. */
final class ContactHostCommands {

    private static final String CONTACT = EppNamespaces.CONTACT;
    private static final String HOST = EppNamespaces.HOST;
    private static final Pattern CONTACT_ID = Pattern.compile("[A-Za-z0-9._:-]{3,16}");
    private static final Pattern HOST_NAME = Pattern.compile(
            "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern E164 = Pattern.compile("\\+\\d{1,3}\\.\\d{1,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> CLIENT_STATUSES = Set.of("clientDeleteProhibited", "clientTransferProhibited",
            "clientUpdateProhibited");
    /** dkhm:userType values; the schema also allows the one-letter forms. */
    private static final Map<String, String> USER_TYPES = Map.of("company", "company", "C", "company",
            "public_organization", "public_organization", "P", "public_organization",
            "association", "association", "A", "association", "individual", "individual", "I", "individual");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SandboxRegistry registry;

    ContactHostCommands(SandboxRegistry registry) {
        this.registry = registry;
    }

    EppResponse execute(Handle h, String registrar, XmlCommand c, String clTRID, String svTRID) {
        Element o = c.object();
        if ("contact".equals(c.objectType())) {
            return switch (c.verb()) {
                case "check" -> EppResponse.withData(ResultCode.SUCCESS, new ResponseData.ObjectChecked("contact",
                        texts(o, CONTACT, "id").stream().map(id -> new CheckedName(id, contact(h, id).isEmpty(),
                                contact(h, id).isEmpty() ? null : "In use")).toList()), clTRID, svTRID);
                case "create" -> createContact(h, registrar, c, clTRID, svTRID);
                case "info" -> infoContact(h, registrar, c, clTRID, svTRID);
                case "update" -> updateContact(h, registrar, c, clTRID, svTRID);
                case "delete" -> deleteContact(h, registrar, c, clTRID, svTRID);
                default -> EppResponse.of(ResultCode.UNIMPLEMENTED_COMMAND, clTRID, svTRID);
            };
        }
        return switch (c.verb()) {
            case "check" -> EppResponse.withData(ResultCode.SUCCESS, new ResponseData.ObjectChecked("host",
                    texts(o, HOST, "name").stream().map(n -> new CheckedName(n, host(h, n).isEmpty(),
                            host(h, n).isEmpty() ? null : "In use")).toList()), clTRID, svTRID);
            case "create" -> createHost(h, registrar, c, clTRID, svTRID);
            case "info" -> infoHost(h, c, clTRID, svTRID);
            case "delete" -> deleteHost(h, registrar, c, clTRID, svTRID);
            default -> EppResponse.of(ResultCode.UNIMPLEMENTED_COMMAND, clTRID, svTRID);
        };
    }

    // ---------------------------------------------------------------- contacts

    /** A contact's row. */
    record Contact(String id, String roid, String registrar, Instant createdAt, Instant updatedAt,
            List<String> statuses, ResponseData.PostalInfo postal, String voice, String fax, String email,
            String authInfo, String userType, String cvr, String ean, String pnumber, String mobilephone,
            String secondaryEmail) {
    }

    static Optional<Contact> contact(Handle h, String id) {
        return h.createQuery("SELECT * FROM sandbox_registry_contact WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new Contact(rs.getString("id"), rs.getString("roid"), rs.getString("registrar"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), SandboxRegistry.instant(rs, "updated_at"),
                        split(rs.getString("statuses")),
                        new ResponseData.PostalInfo(rs.getString("postal_type"), rs.getString("name"),
                                rs.getString("org"), Arrays.asList(rs.getString("street").split("\n")),
                                rs.getString("city"), rs.getString("sp"), rs.getString("pc"), rs.getString("cc")),
                        rs.getString("voice"), rs.getString("fax"), rs.getString("email"), rs.getString("auth_info"),
                        rs.getString("user_type"), rs.getString("cvr"), rs.getString("ean"), rs.getString("pnumber"),
                        rs.getString("mobilephone"), rs.getString("secondary_email")))
                .findOne();
    }

    private static List<String> split(String statuses) {
        return Arrays.stream(statuses.split(" ")).filter(s -> !s.isBlank() && !"ok".equals(s)).toList();
    }

    private static boolean contactLinked(Handle h, String id) {
        return h.createQuery("SELECT COUNT(*) FROM sandbox_registry_domain_contact WHERE contact = :id")
                .bind("id", id).mapTo(Long.class).one() > 0
                || h.createQuery("SELECT COUNT(*) FROM sandbox_registry_domain WHERE registrant = :id")
                .bind("id", id).mapTo(Long.class).one() > 0;
    }

    /** The dkhm fields of a contact create or update, checked as the .dk registry checks them. */
    private record DkFields(String userType, String cvr, String ean, String pnumber, String mobilephone,
            String secondaryEmail) {
    }

    private static DkFields dkFields(Element extension) {
        String userType = dkhmText(extension, "userType");
        if (userType != null) {
            String known = USER_TYPES.get(userType);
            if (known == null) {
                throw new Refusal(ResultCode.PARAMETER_SYNTAX_ERROR, "dkhm:userType " + userType + " is unknown");
            }
            userType = known;
        }
        String cvr = check(dkhmText(extension, "CVR"), Pattern.compile("\\d{8}"), "dkhm:CVR", "8 digits");
        String ean = check(dkhmText(extension, "EAN"), Pattern.compile("\\d{13}"), "dkhm:EAN", "13 digits");
        String pnumber = check(dkhmText(extension, "pnumber"), Pattern.compile("\\d{10}"), "dkhm:pnumber",
                "10 digits");
        String mobile = check(dkhmText(extension, "mobilephone"), E164, "dkhm:mobilephone", "+CC.NUMBER");
        String secondary = check(dkhmText(extension, "secondaryEmail"), EMAIL, "dkhm:secondaryEmail",
                "an e-mail address");
        return new DkFields(userType, cvr, ean, pnumber, mobile, secondary);
    }

    private static String check(String value, Pattern pattern, String field, String expected) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw new Refusal(ResultCode.PARAMETER_SYNTAX_ERROR, field + " must be " + expected + ": " + value);
        }
        return value;
    }

    /** The CVR table of the specification: who must, may and may not give which number. */
    private static void checkDkRules(DkFields dk, String countryCode) {
        if (dk.userType() == null) {
            throw new Refusal(ResultCode.REQUIRED_PARAMETER_MISSING, "dkhm:userType is mandatory");
        }
        boolean individual = "individual".equals(dk.userType());
        if (individual && (dk.cvr() != null || dk.ean() != null || dk.pnumber() != null)) {
            throw new Refusal(ResultCode.PARAMETER_POLICY_ERROR,
                    "CVR, EAN and P-number are not supported for individuals");
        }
        if (!individual && dk.cvr() == null && "DK".equalsIgnoreCase(countryCode)) {
            throw new Refusal(ResultCode.REQUIRED_PARAMETER_MISSING,
                    "dkhm:CVR is mandatory for a " + dk.userType() + " with an address in Denmark");
        }
        if ((dk.ean() != null || dk.pnumber() != null) && dk.cvr() == null) {
            throw new Refusal(ResultCode.PARAMETER_POLICY_ERROR, "EAN and P-number need the contact's CVR");
        }
    }

    private EppResponse createContact(Handle h, String registrar, XmlCommand c, String clTRID, String svTRID) {
        Element o = c.object();
        String id = text(o, CONTACT, "id");
        boolean dkProfile = !registry.settings().rules().dkTlds().isEmpty()
                && ("auto".equals(id) || "force".equals(id) || dkhm(c.extension(), "userType") != null);
        Element postal = child(o, CONTACT, "postalInfo");
        Element addr = child(postal, CONTACT, "addr");
        String email = value(o, CONTACT, "email");
        if (id == null || postal == null || addr == null || email == null || value(postal, CONTACT, "name") == null
                || value(addr, CONTACT, "city") == null || value(addr, CONTACT, "cc") == null
                || texts(addr, CONTACT, "street").isEmpty()) {
            throw new Refusal(ResultCode.REQUIRED_PARAMETER_MISSING,
                    "a contact needs an id, postalInfo with name, street, city and cc, and an email");
        }
        ResponseData.PostalInfo info = postal(postal, addr);
        String voice = value(o, CONTACT, "voice");
        DkFields dk = dkFields(c.extension());
        Instant now = registry.clock().instant();
        if (dkProfile) {
            checkDkRules(dk, info.cc());
            if ("auto".equals(id)) {
                Optional<String> same = h.createQuery("SELECT id FROM sandbox_registry_contact WHERE registrar = :r "
                                + "AND user_type = :ut AND COALESCE(cvr, '') = :cvr AND name = :n AND street = :s "
                                + "AND email = :e AND COALESCE(pc, '') = :pc AND cc = :cc AND COALESCE(voice, '') = :v "
                                + "ORDER BY created_at LIMIT 1")
                        .bind("r", registrar).bind("ut", dk.userType()).bind("cvr", nz(dk.cvr()))
                        .bind("n", info.name()).bind("s", String.join("\n", info.street())).bind("e", email)
                        .bind("pc", nz(info.pc())).bind("cc", info.cc()).bind("v", nz(voice))
                        .mapTo(String.class).findOne();
                if (same.isPresent()) {
                    Contact existing = contact(h, same.get()).orElseThrow();
                    return EppResponse.withData(ResultCode.SUCCESS,
                            new ResponseData.ObjectCreated("contact", existing.id(), existing.createdAt()), clTRID,
                            svTRID);
                }
            }
            if ("auto".equals(id) || "force".equals(id)) {
                do {
                    id = handle();
                } while (contact(h, id).isPresent());
            }
        } else if (!CONTACT_ID.matcher(id).matches()) {
            throw new Refusal(ResultCode.PARAMETER_SYNTAX_ERROR, "a contact id is 3 to 16 characters: " + id);
        }
        if (contact(h, id).isPresent()) {
            throw new Refusal(ResultCode.OBJECT_EXISTS, id);
        }
        Element authInfo = child(o, CONTACT, "authInfo");
        h.createUpdate("INSERT INTO sandbox_registry_contact (id, roid, registrar, created_at, statuses, postal_type, "
                        + "name, org, street, city, sp, pc, cc, voice, fax, email, auth_info, user_type, cvr, ean, "
                        + "pnumber, mobilephone, secondary_email) VALUES (:id, :roid, :r, :at, 'ok', :pt, :n, :org, "
                        + ":s, :city, :sp, :pc, :cc, :v, :fax, :e, :auth, :ut, :cvr, :ean, :pn, :mob, :sec)")
                .bind("id", id).bind("roid", "C" + hex(12) + "-SANDBOX").bind("r", registrar)
                .bind("at", now.toEpochMilli()).bind("pt", info.type()).bind("n", info.name()).bind("org", info.org())
                .bind("s", String.join("\n", info.street())).bind("city", info.city()).bind("sp", info.sp())
                .bind("pc", info.pc()).bind("cc", info.cc()).bind("v", voice).bind("fax", value(o, CONTACT, "fax"))
                .bind("e", email).bind("auth", authInfo == null ? "" : nz(text(authInfo, CONTACT, "pw")))
                .bind("ut", dk.userType()).bind("cvr", dk.cvr()).bind("ean", dk.ean()).bind("pn", dk.pnumber())
                .bind("mob", dk.mobilephone()).bind("sec", dk.secondaryEmail())
                .execute();
        return EppResponse.withData(ResultCode.SUCCESS, new ResponseData.ObjectCreated("contact", id, now), clTRID,
                svTRID);
    }

    private static ResponseData.PostalInfo postal(Element postal, Element addr) {
        String type = postal.getAttribute("type").isEmpty() ? "loc" : postal.getAttribute("type");
        return new ResponseData.PostalInfo(type, value(postal, CONTACT, "name"), value(postal, CONTACT, "org"),
                texts(addr, CONTACT, "street").stream().filter(s -> !s.isEmpty()).toList(), value(addr, CONTACT, "city"),
                value(addr, CONTACT, "sp"), value(addr, CONTACT, "pc"),
                value(addr, CONTACT, "cc").toUpperCase(Locale.ROOT));
    }

    private EppResponse infoContact(Handle h, String registrar, XmlCommand c, String clTRID, String svTRID) {
        String id = text(c.object(), CONTACT, "id");
        Contact contact = contact(h, id).orElseThrow(() -> new Refusal(ResultCode.OBJECT_DOES_NOT_EXIST, id));
        List<String> statuses = new ArrayList<>(contact.statuses());
        if (contactLinked(h, id)) {
            statuses.add("linked");
        }
        if (contact.statuses().isEmpty()) {
            statuses.add(0, "ok");
        }
        boolean sponsor = contact.registrar().equals(registrar);
        EppResponse response = EppResponse.withData(ResultCode.SUCCESS, new ResponseData.ContactInformation(id,
                contact.roid(), statuses, contact.postal(), contact.voice(), contact.fax(), contact.email(),
                contact.registrar(), contact.createdAt(), contact.updatedAt(), sponsor ? contact.authInfo() : null),
                clTRID, svTRID);
        List<Ext> ext = new ArrayList<>();
        addDk(ext, "userType", contact.userType());
        addDk(ext, "CVR", contact.cvr());
        addDk(ext, "EAN", contact.ean());
        addDk(ext, "pnumber", contact.pnumber());
        addDk(ext, "secondaryEmail", contact.secondaryEmail());
        if (contact.mobilephone() != null) {
            ext.add(Ext.leaf(DomainCommands.DKHM, "dkhm", "mobilephone", contact.mobilephone()));
        }
        return response.withExtension(ext);
    }

    private static void addDk(List<Ext> ext, String name, String value) {
        if (value != null) {
            ext.add(Ext.leaf(DomainCommands.DKHM, "dkhm", name, value));
        }
    }

    private EppResponse updateContact(Handle h, String registrar, XmlCommand c, String clTRID, String svTRID) {
        Element o = c.object();
        String id = text(o, CONTACT, "id");
        Contact contact = contact(h, id).orElseThrow(() -> new Refusal(ResultCode.OBJECT_DOES_NOT_EXIST, id));
        if (!contact.registrar().equals(registrar)) {
            throw new Refusal(ResultCode.AUTHORIZATION_ERROR, "the contact is another registrar's");
        }
        Element add = child(o, CONTACT, "add");
        Element rem = child(o, CONTACT, "rem");
        Element chg = child(o, CONTACT, "chg");
        List<String> addStatus = statuses(add, CONTACT);
        List<String> remStatus = statuses(rem, CONTACT);
        boolean onlyUnlock = remStatus.contains("clientUpdateProhibited") && addStatus.isEmpty()
                && children(chg).isEmpty() && children(c.extension()).isEmpty();
        if (contact.statuses().contains("clientUpdateProhibited") && !onlyUnlock) {
            throw new Refusal(ResultCode.STATUS_PROHIBITS_OPERATION, "clientUpdateProhibited");
        }
        LinkedHashSet<String> statuses = new LinkedHashSet<>(contact.statuses());
        for (String s : addStatus) {
            if (!CLIENT_STATUSES.contains(s) || !statuses.add(s)) {
                throw new Refusal(ResultCode.PARAMETER_POLICY_ERROR, "cannot add status " + s);
            }
        }
        for (String s : remStatus) {
            if (!statuses.remove(s)) {
                throw new Refusal(ResultCode.PARAMETER_POLICY_ERROR, "the contact has no status " + s);
            }
        }
        ResponseData.PostalInfo info = contact.postal();
        Element postal = child(chg, CONTACT, "postalInfo");
        if (postal != null) {
            Element addr = child(postal, CONTACT, "addr");
            ResponseData.PostalInfo given = addr == null ? null : postal(postal, addr);
            info = new ResponseData.PostalInfo(info.type(), Optional.ofNullable(value(postal, CONTACT, "name"))
                    .orElse(info.name()), Optional.ofNullable(value(postal, CONTACT, "org")).orElse(info.org()),
                    given == null ? info.street() : given.street(), given == null ? info.city() : given.city(),
                    given == null ? info.sp() : given.sp(), given == null ? info.pc() : given.pc(),
                    given == null ? info.cc() : given.cc());
        }
        String voice = Optional.ofNullable(value(chg, CONTACT, "voice")).orElse(contact.voice());
        String email = Optional.ofNullable(value(chg, CONTACT, "email")).orElse(contact.email());
        Element auth = child(chg, CONTACT, "authInfo");
        String authInfo = auth == null ? contact.authInfo() : nz(text(auth, CONTACT, "pw"));
        DkFields dk = dkFields(c.extension());
        if (contact.userType() != null || dk.userType() != null) {
            DkFields merged = new DkFields(dk.userType() != null ? dk.userType() : contact.userType(),
                    contact.cvr(), dk.ean() != null ? dk.ean() : contact.ean(),
                    dk.pnumber() != null ? dk.pnumber() : contact.pnumber(), null, null);
            if (dk.cvr() != null && !dk.cvr().equals(contact.cvr())) {
                throw new Refusal(ResultCode.PARAMETER_POLICY_ERROR, "a contact's CVR cannot be changed");
            }
            checkDkRules(merged, info.cc());
        }
        h.createUpdate("UPDATE sandbox_registry_contact SET statuses = :st, name = :n, org = :org, street = :s, "
                        + "city = :city, sp = :sp, pc = :pc, cc = :cc, voice = :v, email = :e, auth_info = :auth, "
                        + "user_type = COALESCE(:ut, user_type), ean = COALESCE(:ean, ean), "
                        + "pnumber = COALESCE(:pn, pnumber), mobilephone = COALESCE(:mob, mobilephone), "
                        + "secondary_email = COALESCE(:sec, secondary_email), updated_at = :at WHERE id = :id")
                .bind("st", statuses.isEmpty() ? "ok" : String.join(" ", statuses)).bind("n", info.name())
                .bind("org", info.org()).bind("s", String.join("\n", info.street())).bind("city", info.city())
                .bind("sp", info.sp()).bind("pc", info.pc()).bind("cc", info.cc()).bind("v", voice)
                .bind("e", email).bind("auth", authInfo).bind("ut", dk.userType()).bind("ean", dk.ean())
                .bind("pn", dk.pnumber()).bind("mob", dk.mobilephone()).bind("sec", dk.secondaryEmail())
                .bind("at", registry.clock().millis()).bind("id", id).execute();
        return EppResponse.of(ResultCode.SUCCESS, clTRID, svTRID);
    }

    static List<String> statuses(Element addOrRem, String namespace) {
        return children(addOrRem, namespace, "status").stream().map(e -> e.getAttribute("s")).toList();
    }

    private EppResponse deleteContact(Handle h, String registrar, XmlCommand c, String clTRID, String svTRID) {
        String id = text(c.object(), CONTACT, "id");
        Contact contact = contact(h, id).orElseThrow(() -> new Refusal(ResultCode.OBJECT_DOES_NOT_EXIST, id));
        if (contact.userType() != null) {
            throw new Refusal(ResultCode.UNIMPLEMENTED_COMMAND, "the .dk registry does not delete contacts");
        }
        if (!contact.registrar().equals(registrar)) {
            throw new Refusal(ResultCode.AUTHORIZATION_ERROR, "the contact is another registrar's");
        }
        if (contact.statuses().contains("clientDeleteProhibited")) {
            throw new Refusal(ResultCode.STATUS_PROHIBITS_OPERATION, "clientDeleteProhibited");
        }
        if (contactLinked(h, id)) {
            throw new Refusal(ResultCode.ASSOCIATION_PROHIBITS_OPERATION, "the contact is linked to a domain");
        }
        h.createUpdate("DELETE FROM sandbox_registry_contact WHERE id = :id").bind("id", id).execute();
        return EppResponse.of(ResultCode.SUCCESS, clTRID, svTRID);
    }

    // ---------------------------------------------------------------- hosts

    /** A host's row; addresses as {@code v4:192.0.2.1}. */
    record Host(String name, String roid, String registrar, Instant createdAt, Instant updatedAt,
            List<String> statuses, List<String> addresses) {
    }

    static Optional<Host> host(Handle h, String name) {
        return h.createQuery("SELECT * FROM sandbox_registry_host WHERE name = :n")
                .bind("n", name.toLowerCase(Locale.ROOT))
                .map((rs, ctx) -> new Host(rs.getString("name"), rs.getString("roid"), rs.getString("registrar"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), SandboxRegistry.instant(rs, "updated_at"),
                        split(rs.getString("statuses")),
                        Arrays.stream(rs.getString("addresses").split(" ")).filter(a -> !a.isBlank()).toList()))
                .findOne();
    }

    /** The domain a host name is subordinate to when it lies in a TLD the sandbox serves, or null. */
    String superordinate(String host) {
        String[] labels = host.split("\\.");
        if (labels.length < 3 || !registry.isDemoTld(host)) {
            return null;
        }
        return labels[labels.length - 2] + "." + labels[labels.length - 1];
    }

    private EppResponse createHost(Handle h, String registrar, XmlCommand c, String clTRID, String svTRID) {
        Element o = c.object();
        String name = Optional.ofNullable(text(o, HOST, "name")).orElse("").toLowerCase(Locale.ROOT);
        if (!HOST_NAME.matcher(name).matches()) {
            throw new Refusal(ResultCode.PARAMETER_SYNTAX_ERROR, "not a host name: " + name);
        }
        if (host(h, name).isPresent()) {
            throw new Refusal(ResultCode.OBJECT_EXISTS, name);
        }
        List<String> addresses = new ArrayList<>();
        for (Element addr : children(o, HOST, "addr")) {
            String ip = addr.getAttribute("ip").isEmpty() ? "v4" : addr.getAttribute("ip");
            String address = addr.getTextContent().strip();
            if (!validAddress(ip, address)) {
                throw new Refusal(ResultCode.PARAMETER_SYNTAX_ERROR, "not an IP" + ip + " address: " + address);
            }
            addresses.add(ip + ":" + address);
        }
        String parent = superordinate(name);
        if (parent != null) {
            Domain domain = SandboxRegistry.findAny(h, parent).filter(d -> !d.deleted())
                    .orElseThrow(() -> new Refusal(ResultCode.OBJECT_DOES_NOT_EXIST,
                            "the superordinate domain " + parent + " does not exist"));
            if (!domain.registrar().equals(registrar)) {
                throw new Refusal(ResultCode.AUTHORIZATION_ERROR,
                        "the superordinate domain " + parent + " is another registrar's");
            }
            if (domain.pendingCreate()) {
                // the .dk specification, create host: 2303 "if the domain name for the host is not registered";
                // an application the registry still decides is not
                throw new Refusal(ResultCode.OBJECT_DOES_NOT_EXIST,
                        "the domain " + parent + " is not registered yet: its create awaits the registry's decision");
            }
            if (addresses.isEmpty()) {
                throw new Refusal(ResultCode.REQUIRED_PARAMETER_MISSING,
                        "a host inside " + parent + " needs glue addresses");
            }
        } else if (!addresses.isEmpty()) {
            throw new Refusal(ResultCode.PARAMETER_POLICY_ERROR,
                    "addresses are given only for hosts inside a domain of the sandbox");
        }
        Instant now = registry.clock().instant();
        h.createUpdate("INSERT INTO sandbox_registry_host (name, roid, registrar, created_at, statuses, addresses) "
                        + "VALUES (:n, :roid, :r, :at, 'ok', :a)")
                .bind("n", name).bind("roid", "H" + hex(12) + "-SANDBOX").bind("r", registrar)
                .bind("at", now.toEpochMilli()).bind("a", String.join(" ", addresses)).execute();
        return EppResponse.withData(ResultCode.SUCCESS, new ResponseData.ObjectCreated("host", name, now), clTRID,
                svTRID);
    }

    private static boolean validAddress(String ip, String address) {
        if ("v4".equals(ip)) {
            var m = IPV4.matcher(address);
            if (!m.matches()) {
                return false;
            }
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(m.group(i)) > 255) {
                    return false;
                }
            }
            return true;
        }
        return "v6".equals(ip) && IPV6.matcher(address).matches() && address.contains(":");
    }

    static boolean hostLinked(Handle h, String name) {
        return h.createQuery("SELECT COUNT(*) FROM sandbox_registry_domain_host WHERE host = :n")
                .bind("n", name).mapTo(Long.class).one() > 0;
    }

    private EppResponse infoHost(Handle h, XmlCommand c, String clTRID, String svTRID) {
        String name = Optional.ofNullable(text(c.object(), HOST, "name")).orElse("").toLowerCase(Locale.ROOT);
        Host host = host(h, name).orElseThrow(() -> new Refusal(ResultCode.OBJECT_DOES_NOT_EXIST, name));
        List<String> statuses = new ArrayList<>(host.statuses());
        if (statuses.isEmpty()) {
            statuses.add("ok");
        }
        if (hostLinked(h, name)) {
            statuses.add("linked");
        }
        return EppResponse.withData(ResultCode.SUCCESS, new ResponseData.HostInformation(host.name(), host.roid(),
                statuses, host.addresses(), host.registrar(), host.createdAt(), host.updatedAt()), clTRID, svTRID);
    }

    private EppResponse deleteHost(Handle h, String registrar, XmlCommand c, String clTRID, String svTRID) {
        String name = Optional.ofNullable(text(c.object(), HOST, "name")).orElse("").toLowerCase(Locale.ROOT);
        Host host = host(h, name).orElseThrow(() -> new Refusal(ResultCode.OBJECT_DOES_NOT_EXIST, name));
        if (!host.registrar().equals(registrar)) {
            throw new Refusal(ResultCode.AUTHORIZATION_ERROR, "the host is another registrar's");
        }
        if (hostLinked(h, name)) {
            throw new Refusal(ResultCode.ASSOCIATION_PROHIBITS_OPERATION, "a domain uses the host as a name server");
        }
        h.createUpdate("DELETE FROM sandbox_registry_host WHERE name = :n").bind("n", name).execute();
        return EppResponse.of(ResultCode.SUCCESS, clTRID, svTRID);
    }

    // ---------------------------------------------------------------- helpers

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String hex(int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            s.append(Integer.toHexString(RANDOM.nextInt(16)).toUpperCase(Locale.ROOT));
        }
        return s.toString();
    }

    /** A handle as the .dk registry makes them: letters, digits and "-DK". */
    private static String handle() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            s.append((char) ('A' + RANDOM.nextInt(26)));
        }
        return s.append(1000 + RANDOM.nextInt(9000)).append("-DK").toString();
    }
}
