package org.kontor.host.forwarding;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.domain.DomainName;
import org.kontor.host.dns.DnsZones;
import org.kontor.host.dns.RecordInput;
import org.kontor.host.dns.StoredRecord;
import org.kontor.host.dns.UnknownZoneException;

/**
 * Web and e-mail forwarding of the customers' domains (TEC-1). Every call names the customer and reaches only an active
 * domain they hold; another's answers {@link UnknownDomainException} as one that does not exist. Where the operator
 * sells a "forwarding" add-on, only a domain with the add-on booked may be forwarded.
 *
 * <p>A web forward points the forwarded name at the operator's forwarding server: its A/AAAA records (and a CNAME) at
 * that name are replaced by {@code forwarding.addresses}, and removed with the forward. The first alias of a domain
 * sets its MX to {@code mail-forwarding.mx-host} (replacing the MX records there); the last one removed takes it away.
 * The records replaced are returned, so that the customer is told.
 */
public final class Forwardings {

    public static final String ADDON = "forwarding";
    private static final Pattern LABEL = Pattern.compile("@|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern LOCAL_PART = Pattern.compile("\\*|[a-z0-9_+-]+(\\.[a-z0-9_+-]+)*");
    private static final Pattern ADDRESS_LOCAL = Pattern.compile("[A-Za-z0-9_%+-]+(\\.[A-Za-z0-9_%+-]+)*");
    private static final int MAX_TARGETS = 20;
    private static final int MAX_URL = 2000;
    private static final Duration CACHE = Duration.ofSeconds(30);

    /** What a change did to the zone: the records it replaced, as {@code name TYPE data}. */
    public record Change(List<String> replaced) {
        public Change {
            replaced = List.copyOf(replaced);
        }
    }

    private final ForwardingStore store;
    private final DnsZones zones;
    private final BiPredicate<String, DomainName> holds;
    private final BiPredicate<String, DomainName> booked;
    private final List<String> addresses;
    private final String mxHost;
    private final Set<String> reserved;
    private final Clock clock;
    private volatile Cached cached;

    private record Cached(Map<String, WebForward> byHost, Instant loadedAt) {
    }

    /**
     * @param holds     whether a customer holds an active domain
     * @param booked    whether the customer may forward the domain (the add-on is booked, or none is sold)
     * @param addresses the forwarding server's IPv4 and IPv6 addresses
     * @param mxHost    the operator's mail host for forwarded mail, or blank when mail forwarding is not offered
     * @param reserved  host names of Kontor itself, never forwarded
     */
    public Forwardings(Jdbi jdbi, Clock clock, DnsZones zones, BiPredicate<String, DomainName> holds,
                       BiPredicate<String, DomainName> booked, List<String> addresses, String mxHost,
                       Set<String> reserved) {
        this.store = new ForwardingStore(jdbi, clock);
        this.zones = zones;
        this.holds = holds;
        this.booked = booked;
        this.addresses = List.copyOf(addresses);
        this.mxHost = mxHost == null ? "" : stripDot(mxHost.strip().toLowerCase(Locale.ROOT));
        this.reserved = reserved.stream().map(h -> stripDot(h.toLowerCase(Locale.ROOT))).collect(Collectors.toSet());
        this.clock = clock;
    }

    // ---------------------------------------------------------------- web forwarding

    public List<WebForward> forwards(String customerId, DomainName domain) {
        requireHeld(customerId, domain);
        return store.forwards(domain.ascii()).stream().filter(f -> f.customerId().equals(customerId)).toList();
    }

    /**
     * Forwards the name ({@code @} or a label such as {@code www}) to the target.
     *
     * @param status 301 or 308 for PERMANENT, 302 or 307 for TEMPORARY, null for the first of these; ignored for FRAMED
     */
    public Change forward(String customerId, DomainName domain, String label, String target, String kind,
                          Integer status, boolean keepPath) {
        requireHeld(customerId, domain);
        requireBooked(customerId, domain);
        String name = label(label);
        String host = name.equals("@") ? domain.ascii() : name + "." + domain.ascii();
        if (reserved.contains(host)) {
            throw new ForwardingRefusedException("label", "reserved", host + " is a name of this service.");
        }
        URI uri = target(target);
        if (uri.getHost().toLowerCase(Locale.ROOT).equals(host)) {
            throw new ForwardingRefusedException("target", "loop", "The target is the forwarded name itself.");
        }
        WebForward.Kind type = kind(kind);
        int code = status(type, status);
        if (addresses.isEmpty()) {
            throw new ForwardingRefusedException("target", "not-offered", "Web forwarding is not set up here.");
        }
        store.forgetOthers(domain.ascii(), customerId);
        List<String> replaced = pointAt(customerId, domain, name);
        store.putForward(new WebForward(host, domain.ascii(), name, customerId, uri.toString(), type, code, keepPath));
        invalidate();
        return new Change(replaced);
    }

    /** Removes the forward of the name and the forwarding server's records there. @return false when there was none */
    public boolean removeForward(String customerId, DomainName domain, String label) {
        requireHeld(customerId, domain);
        String name = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
        if (forwards(customerId, domain).stream().noneMatch(f -> f.label().equals(name))) {
            return false;
        }
        store.removeForward(domain.ascii(), name);
        invalidate();
        for (StoredRecord record : zones.zone(customerId, domain).records()) {
            if (record.record().name().equalsIgnoreCase(name) && isAddress(record)
                    && addresses.contains(record.record().data())) {
                zones.remove(customerId, domain, record.id());
            }
        }
        return true;
    }

    /** The forward for a request's host name, if it is one of an active domain; from a cache renewed on change. */
    public Optional<WebForward> forHost(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        String name = stripDot(host.toLowerCase(Locale.ROOT));
        if (reserved.contains(name)) {
            return Optional.empty();
        }
        Cached now = cached;
        if (now == null || now.loadedAt().plus(CACHE).isBefore(clock.instant())) {
            now = load();
        }
        return Optional.ofNullable(now.byHost().get(name));
    }

    private synchronized Cached load() {
        Map<String, WebForward> byHost = new java.util.HashMap<>();
        for (WebForward forward : store.allForwards()) {
            if (holds.test(forward.customerId(), DomainName.of(forward.domain()))) {
                byHost.put(forward.host(), forward);
            }
        }
        Cached fresh = new Cached(Map.copyOf(byHost), clock.instant());
        cached = fresh;
        return fresh;
    }

    private void invalidate() {
        cached = null;
    }

    /** Replaces what the name has for addresses by the forwarding server's; the records replaced. */
    private List<String> pointAt(String customerId, DomainName domain, String name) {
        List<String> replaced = new ArrayList<>();
        Set<String> present = new LinkedHashSet<>();
        for (StoredRecord record : zones.zone(customerId, domain).records()) {
            if (!record.record().name().equalsIgnoreCase(name)) {
                continue;
            }
            String type = record.record().type();
            if ((isAddress(record) && !addresses.contains(record.record().data())) || type.equals("CNAME")) {
                zones.remove(customerId, domain, record.id());
                replaced.add(name + " " + type + " " + record.record().data());
            } else if (isAddress(record)) {
                present.add(record.record().data());
            }
        }
        for (String address : addresses) {
            if (!present.contains(address)) {
                zones.add(customerId, domain, new RecordInput(name, address.contains(":") ? "AAAA" : "A", "3600",
                        "", address));
            }
        }
        return replaced;
    }

    private static boolean isAddress(StoredRecord record) {
        return record.record().type().equals("A") || record.record().type().equals("AAAA");
    }

    static String label(String text) {
        String name = text == null || text.isBlank() ? "@" : stripDot(text.strip().toLowerCase(Locale.ROOT));
        if (!LABEL.matcher(name).matches()) {
            throw new ForwardingRefusedException("label", "invalid-label",
                    "'" + name + "' is not a name in the domain: @ or one label such as www.");
        }
        return name;
    }

    /** An http or https address with a host, without user name, fragment, spaces or control characters. */
    static URI target(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || value.length() > MAX_URL || value.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            throw invalidTarget();
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalidTarget();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.isOpaque()
                || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw invalidTarget();
        }
        return uri;
    }

    private static ForwardingRefusedException invalidTarget() {
        return new ForwardingRefusedException("target", "invalid-target",
                "The target must be an http:// or https:// address with a host name (in A-labels), without a #part.");
    }

    private static WebForward.Kind kind(String text) {
        try {
            return WebForward.Kind.valueOf(text == null ? "PERMANENT" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ForwardingRefusedException("type", "invalid-type", "The type is PERMANENT, TEMPORARY or FRAMED.");
        }
    }

    private static int status(WebForward.Kind kind, Integer status) {
        return switch (kind) {
            case FRAMED -> 200;
            case PERMANENT -> status == null ? 301 : allowed(status, 301, 308);
            case TEMPORARY -> status == null ? 302 : allowed(status, 302, 307);
        };
    }

    private static int allowed(int status, int one, int other) {
        if (status != one && status != other) {
            throw new ForwardingRefusedException("status", "invalid-status",
                    "The status is " + one + " or " + other + " for this type.");
        }
        return status;
    }

    // ---------------------------------------------------------------- e-mail forwarding

    public List<MailAlias> aliases(String customerId, DomainName domain) {
        requireHeld(customerId, domain);
        return store.aliases(domain.ascii()).stream().filter(a -> a.customerId().equals(customerId)).toList();
    }

    /** Sets the alias ({@code *} for all local parts without one) to the targets, replacing what it had. */
    public Change alias(String customerId, DomainName domain, String localPart, List<String> targets) {
        requireHeld(customerId, domain);
        requireBooked(customerId, domain);
        if (mxHost.isEmpty()) {
            throw new ForwardingRefusedException("localPart", "not-offered", "E-mail forwarding is not set up here.");
        }
        String local = localPart == null ? "" : localPart.strip().toLowerCase(Locale.ROOT);
        if (local.isEmpty() || local.length() > 64 || !LOCAL_PART.matcher(local).matches()) {
            throw new ForwardingRefusedException("localPart", "invalid-local-part",
                    "'" + local + "' is not the part of an address before the @ (or * for all).");
        }
        List<String> checked = targets(domain, targets);
        store.forgetOthers(domain.ascii(), customerId);
        List<String> replaced = mailTo(customerId, domain);
        store.putAlias(new MailAlias(domain.ascii(), local, customerId, checked));
        return new Change(replaced);
    }

    public boolean removeAlias(String customerId, DomainName domain, String localPart) {
        requireHeld(customerId, domain);
        String local = localPart == null ? "" : localPart.strip().toLowerCase(Locale.ROOT);
        if (aliases(customerId, domain).stream().noneMatch(a -> a.localPart().equals(local))) {
            return false;
        }
        store.removeAlias(domain.ascii(), local);
        if (aliases(customerId, domain).isEmpty()) {
            for (StoredRecord record : zones.zone(customerId, domain).records()) {
                if (record.record().name().equals("@") && record.record().type().equals("MX")
                        && stripDot(record.record().data().toLowerCase(Locale.ROOT)).equals(mxHost)) {
                    zones.remove(customerId, domain, record.id());
                }
            }
        }
        return true;
    }

    /** Targets: 1 to 20 addresses, none at the domain itself (mail would come back). */
    static List<String> targets(DomainName domain, List<String> given) {
        List<String> targets = new ArrayList<>();
        for (String entry : given == null ? List.<String>of() : given) {
            for (String part : (entry == null ? "" : entry).split("[\\s,;]+")) {
                if (!part.isBlank()) {
                    targets.add(part.strip());
                }
            }
        }
        if (targets.isEmpty() || targets.size() > MAX_TARGETS) {
            throw new ForwardingRefusedException("targets", "invalid-targets",
                    "An alias forwards to 1 to " + MAX_TARGETS + " addresses.");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String target : targets) {
            int at = target.lastIndexOf('@');
            DomainName targetDomain;
            try {
                if (at <= 0 || at > 64 || !ADDRESS_LOCAL.matcher(target.substring(0, at)).matches()) {
                    throw new IllegalArgumentException("local part");
                }
                targetDomain = DomainName.of(target.substring(at + 1));
            } catch (IllegalArgumentException e) {
                throw new ForwardingRefusedException("targets", "invalid-address",
                        "'" + target + "' is not an e-mail address.");
            }
            if (targetDomain.ascii().equals(domain.ascii())) {
                throw new ForwardingRefusedException("targets", "loop",
                        "'" + target + "' is at " + domain.unicode() + " itself; mail would come back.");
            }
            seen.add(target.substring(0, at) + "@" + targetDomain.ascii());
        }
        return List.copyOf(seen);
    }

    /** Points the domain's MX at the operator's mail host, replacing other MX at the domain; the records replaced. */
    private List<String> mailTo(String customerId, DomainName domain) {
        List<String> replaced = new ArrayList<>();
        boolean present = false;
        for (StoredRecord record : zones.zone(customerId, domain).records()) {
            if (!record.record().name().equals("@") || !record.record().type().equals("MX")) {
                continue;
            }
            if (stripDot(record.record().data().toLowerCase(Locale.ROOT)).equals(mxHost)) {
                present = true;
            } else {
                zones.remove(customerId, domain, record.id());
                replaced.add("@ MX " + record.record().priority() + " " + record.record().data());
            }
        }
        if (!present) {
            zones.add(customerId, domain, new RecordInput("@", "MX", "3600", "10", mxHost + "."));
        }
        return replaced;
    }

    /**
     * The Postfix virtual alias map of every active domain with aliases (virtual(5)): a line per domain (so that the
     * map can serve as {@code virtual_alias_domains} too), then {@code alias@domain target1,target2} and
     * {@code @domain target} for a catch-all.
     */
    public String postfixVirtual() {
        Map<String, List<MailAlias>> byDomain = new java.util.TreeMap<>();
        for (MailAlias alias : store.allAliases()) {
            if (holds.test(alias.customerId(), DomainName.of(alias.domain()))) {
                byDomain.computeIfAbsent(alias.domain(), d -> new ArrayList<>()).add(alias);
            }
        }
        StringBuilder text = new StringBuilder();
        text.append("# Kontor mail forwarding: Postfix virtual alias map, virtual(5).\n");
        text.append("# main.cf: virtual_alias_domains = hash:/etc/postfix/virtual\n");
        text.append("#          virtual_alias_maps = hash:/etc/postfix/virtual\n");
        byDomain.forEach((domain, aliases) -> {
            text.append(domain).append(" forwarded\n");
            aliases.stream().filter(a -> !a.catchAll()).forEach(a -> text.append(a.address()).append(' ')
                    .append(String.join(",", a.targets())).append('\n'));
            aliases.stream().filter(MailAlias::catchAll).forEach(a -> text.append(a.address()).append(' ')
                    .append(String.join(",", a.targets())).append('\n'));
        });
        return text.toString();
    }

    /** The domains of {@link #postfixVirtual()}, one a line, for a {@code virtual_alias_domains} file. */
    public String postfixDomains() {
        return store.allAliases().stream()
                .filter(alias -> holds.test(alias.customerId(), DomainName.of(alias.domain())))
                .map(MailAlias::domain).distinct().sorted().map(d -> d + "\n").collect(Collectors.joining());
    }

    // ---------------------------------------------------------------- helpers

    public boolean booked(String customerId, DomainName domain) {
        return booked.test(customerId, domain);
    }

    private void requireHeld(String customerId, DomainName domain) {
        if (!holds.test(customerId, domain)) {
            throw new UnknownZoneException(domain);
        }
    }

    private void requireBooked(String customerId, DomainName domain) {
        if (!booked.test(customerId, domain)) {
            throw new ForwardingRefusedException("domain", "not-booked", "Forwarding of " + domain.unicode()
                    + " needs the add-on \"" + ADDON + "\"; book it for the domain first.");
        }
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
