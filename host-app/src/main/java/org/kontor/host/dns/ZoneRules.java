package org.kontor.host.dns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.kontor.api.dns.DnsRecord;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.InvalidDomainNameException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Checks a record against the rules of DNS and of the zone it goes into, and gives it in zone file form: owner names
 * relative to the zone, host names absolute with their final dot and in ACE form, TXT text quoted in strings of at
 * most 255 bytes. Record data is parsed by dnsjava as a name server would parse it. Zone rules: a CNAME stands alone
 * at its name and never at the domain itself, the domain's own NS records are the operator's, no record twice.
 */
public final class ZoneRules {

    /** More records than a customer's zone needs is a sign of a script gone wrong. */
    public static final int MAX_RECORDS = 500;
    static final int DEFAULT_TTL = 3600;
    private static final int MAX_TXT = 4000;
    private static final Pattern LABEL = Pattern.compile("_?[a-z0-9]([a-z0-9_-]{0,61}[a-z0-9])?");

    /**
     * The record in zone file form.
     *
     * @param existing the zone's records now, without the one being replaced
     * @throws RecordRefusedException with every reason it is refused
     */
    public DnsRecord check(DomainName origin, RecordInput input, List<DnsRecord> existing) {
        List<RecordError> errors = new ArrayList<>();
        String owner = owner(origin, input.name(), errors);
        String type = input.type();
        if (!DnsRecord.TYPES.contains(type)) {
            errors.add(RecordError.of("type", "dns-type", String.join(", ", DnsRecord.TYPES.stream().sorted().toList()),
                    "The type must be one of " + DnsRecord.TYPES.stream().sorted().toList() + "."));
        }
        int ttl = DEFAULT_TTL;
        if (!input.ttl().isEmpty()) {
            try {
                ttl = Integer.parseInt(input.ttl());
            } catch (NumberFormatException e) {
                ttl = -1;
            }
            if (ttl < 60 || ttl > 604_800) {
                errors.add(RecordError.of("ttl", "dns-ttl", null, "The TTL is 60 to 604800 seconds."));
            }
        }
        Integer priority = null;
        boolean needsPriority = type.equals("MX") || type.equals("SRV");
        if (needsPriority) {
            try {
                priority = Integer.parseInt(input.priority());
            } catch (NumberFormatException e) {
                priority = -1;
            }
            if (priority < 0 || priority > 65_535) {
                errors.add(RecordError.of("priority", "dns-priority", null,
                        "Give the priority, a whole number from 0 to 65535."));
                priority = null;
            }
        }
        String data = errors.stream().anyMatch(e -> e.field().equals("type")) ? null : data(origin, type, input.data(), errors);
        if (!errors.isEmpty()) {
            throw new RecordRefusedException(errors);
        }
        DnsRecord record = new DnsRecord(owner, type, ttl, priority, data);
        parse(origin, record, errors);
        zoneRules(record, existing, errors);
        if (!errors.isEmpty()) {
            throw new RecordRefusedException(errors);
        }
        return record;
    }

    /** The record as a dnsjava record, absolute. */
    static Record toRecord(DomainName origin, DnsRecord record) throws java.io.IOException {
        Name zone = Name.fromString(origin.ascii() + ".");
        Name owner = record.name().equals("@") ? zone : Name.fromString(record.name(), zone);
        String rdata = (record.priority() == null ? "" : record.priority() + " ") + record.data();
        return Record.fromString(owner, Type.value(record.type()), DClass.IN, record.ttl(), rdata, zone);
    }

    private static String owner(DomainName origin, String name, List<RecordError> errors) {
        String text = name.isEmpty() ? "@" : name.toLowerCase(Locale.ROOT);
        String suffix = "." + origin.ascii();
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.equals(origin.ascii()) || text.equals(origin.unicode())) {
            return "@";
        }
        if (text.endsWith(suffix)) {
            text = text.substring(0, text.length() - suffix.length());
        } else if (text.endsWith("." + origin.unicode())) {
            text = text.substring(0, text.length() - origin.unicode().length() - 1);
        }
        if (text.equals("@")) {
            return text;
        }
        String[] labels = text.split("\\.", -1);
        List<String> ascii = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            String label = labels[i];
            if (label.equals("*") && i == 0) {
                ascii.add(label);
                continue;
            }
            if (!label.startsWith("_") && !label.chars().allMatch(c -> c < 128)) {
                try {
                    label = DomainName.of(label + "." + origin.ascii()).ascii().split("\\.")[0];
                } catch (InvalidDomainNameException e) {
                    label = "!";
                }
            }
            if (!LABEL.matcher(label).matches()) {
                errors.add(RecordError.of("name", "dns-name", null, "The name is letters, digits and hyphens in parts "
                        + "of at most 63 characters, separated by dots, or @ for the domain itself; * may come first."));
                return text;
            }
            ascii.add(label);
        }
        String relative = String.join(".", ascii);
        if (relative.length() + origin.ascii().length() + 1 > 253) {
            errors.add(RecordError.of("name", "dns-name-length", null, "The full name is longer than 253 characters."));
        }
        return relative;
    }

    private static String data(DomainName origin, String type, String data, List<RecordError> errors) {
        if (data.isEmpty()) {
            errors.add(RecordError.of("data", "required", null, "Give the record's data."));
            return null;
        }
        switch (type) {
            case "CNAME", "NS", "MX" -> {
                return host(origin, data, errors);
            }
            case "SRV" -> {
                String[] parts = data.split("\\s+");
                if (parts.length != 3) {
                    errors.add(RecordError.of("data", "dns-srv", null, "Give weight, port and target, e.g. 5 5060 sip.example.net."));
                    return null;
                }
                String target = parts[2].equals(".") ? "." : host(origin, parts[2], errors);
                return target == null ? null : parts[0] + " " + parts[1] + " " + target;
            }
            case "TXT" -> {
                String text = unquoted(data);
                if (text.length() > MAX_TXT) {
                    errors.add(RecordError.of("data", "too-long", Integer.toString(MAX_TXT),
                            "The text has at most " + MAX_TXT + " characters."));
                    return null;
                }
                return quoted(text);
            }
            default -> {
                return data;
            }
        }
    }

    private static String host(DomainName origin, String value, List<RecordError> errors) {
        String text = value.strip();
        if (text.equals("@")) {
            return origin.ascii() + ".";
        }
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            return DomainName.of(text).ascii() + ".";
        } catch (IllegalArgumentException e) {
            errors.add(RecordError.of("data", "dns-host", null, "Give a full host name such as mail.example.net."));
            return null;
        }
    }

    /** Text the customer typed, with one pair of surrounding quotes taken off if they typed them. */
    private static String unquoted(String text) {
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") && text.indexOf('"', 1) == text.length() - 1) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    /** TXT data in zone file form: quoted strings of at most 255 bytes, quotes and backslashes escaped. */
    static String quoted(String text) {
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int bytes = 0;
        for (int offset = 0; offset < text.length(); ) {
            int codePoint = text.codePointAt(offset);
            String character = new String(Character.toChars(codePoint));
            int size = character.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > 255) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
                bytes = 0;
            }
            chunk.append(character.equals("\"") || character.equals("\\") ? "\\" + character : character);
            bytes += size;
            offset += Character.charCount(codePoint);
        }
        chunks.add(chunk.toString());
        return String.join(" ", chunks.stream().map(c -> "\"" + c + "\"").toList());
    }

    private static void parse(DomainName origin, DnsRecord record, List<RecordError> errors) {
        try {
            toRecord(origin, record);
        } catch (TextParseException e) {
            errors.add(RecordError.of("data", "dns-data-" + record.type().toLowerCase(Locale.ROOT), null,
                    "This is not valid " + record.type() + " data: " + e.getMessage()));
        } catch (java.io.IOException | IllegalArgumentException e) {
            errors.add(RecordError.of("data", "dns-data-" + record.type().toLowerCase(Locale.ROOT), null,
                    "This is not valid " + record.type() + " data."));
        }
    }

    private static void zoneRules(DnsRecord record, List<DnsRecord> existing, List<RecordError> errors) {
        if (existing.size() >= MAX_RECORDS) {
            errors.add(RecordError.of("name", "dns-zone-full", Integer.toString(MAX_RECORDS),
                    "A zone holds at most " + MAX_RECORDS + " records."));
        }
        if (record.type().equals("NS") && record.name().equals("@")) {
            errors.add(RecordError.of("type", "dns-apex-ns", null,
                    "The domain's own NS records are set by us; change the domain's nameservers instead."));
        }
        if (record.type().equals("CNAME") && record.name().equals("@")) {
            errors.add(RecordError.of("type", "dns-cname-apex", null,
                    "The domain itself cannot be a CNAME; use A and AAAA records."));
        }
        List<DnsRecord> sameName = existing.stream().filter(other -> other.name().equals(record.name())).toList();
        if (record.type().equals("CNAME") && !sameName.isEmpty()) {
            errors.add(RecordError.of("name", "dns-cname-alone", record.name(),
                    "A CNAME must be the only record at " + record.name() + "."));
        } else if (sameName.stream().anyMatch(other -> other.type().equals("CNAME"))) {
            errors.add(RecordError.of("name", "dns-cname-taken", record.name(),
                    record.name() + " has a CNAME, which must stand alone."));
        }
        if (existing.stream().anyMatch(other -> other.name().equals(record.name()) && other.type().equals(record.type())
                && other.data().equalsIgnoreCase(record.data()) && java.util.Objects.equals(other.priority(), record.priority()))) {
            errors.add(RecordError.of("data", "dns-duplicate", null, "The zone has this record already."));
        }
    }
}
