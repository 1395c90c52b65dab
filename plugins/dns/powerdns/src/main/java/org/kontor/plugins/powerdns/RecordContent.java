package org.kontor.plugins.powerdns;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.kontor.api.dns.DnsRecord;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.InvalidDomainNameException;

/**
 * A {@link DnsRecord}'s owner and data in the form PowerDNS's API takes and gives back: absolute names in A-label form
 * with the trailing dot, MX and SRV priorities in front of the data, TXT as quoted strings of at most 255 bytes.
 *
 * <p>Names follow zone file rules: {@code @} is the origin, a name without a trailing dot is relative to the origin.
 */
public final class RecordContent {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_*]([a-z0-9_-]*[a-z0-9_])?|\\*");
    private static final int TXT_STRING_BYTES = 255;

    private RecordContent() {
    }

    /** The record's owner as an absolute name; it must be the origin or below it. */
    public static String owner(String absoluteOrigin, String name) {
        String owner = absolute(absoluteOrigin, name);
        if (!owner.equals(absoluteOrigin) && !owner.endsWith("." + absoluteOrigin)) {
            throw new InvalidRecordException("'" + name + "' is not inside the zone " + absoluteOrigin);
        }
        return owner;
    }

    /** The record data as PowerDNS's API writes it. */
    public static String content(String absoluteOrigin, DnsRecord record) {
        String data = record.data().strip();
        return switch (record.type()) {
            case "A" -> address(data, false);
            case "AAAA" -> address(data, true);
            case "CNAME", "NS" -> absolute(absoluteOrigin, data);
            case "MX" -> record.priority() + " " + absolute(absoluteOrigin, last(data));
            case "SRV" -> srv(absoluteOrigin, record.priority(), data);
            case "TXT" -> txt(data);
            case "CAA" -> caa(data);
            default -> throw new InvalidRecordException("type " + record.type() + " is not supported");
        };
    }

    /** The content as compared with what PowerDNS gives back: addresses in one canonical form, the rest as is. */
    public static String comparable(String type, String content) {
        if (("A".equals(type) && IPV4.matcher(content).matches())
                || ("AAAA".equals(type) && IPV6.matcher(content).matches())) {
            try {
                return InetAddress.getByName(content).getHostAddress();
            } catch (UnknownHostException e) {
                return content;
            }
        }
        return content;
    }

    /** A name made absolute against the origin: {@code @}, {@code www}, {@code mail.example.net.}, or the root {@code .}. */
    public static String absolute(String absoluteOrigin, String name) {
        String trimmed = name.strip();
        if (trimmed.equals("@") || trimmed.isEmpty()) {
            return absoluteOrigin;
        }
        if (trimmed.equals(".")) {
            return ".";
        }
        boolean isAbsolute = trimmed.endsWith(".");
        String body = isAbsolute ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        StringBuilder out = new StringBuilder();
        for (String label : body.split("\\.", -1)) {
            out.append(aLabel(label, name)).append('.');
        }
        return isAbsolute ? out.toString() : out + absoluteOrigin;
    }

    private static String aLabel(String label, String name) {
        String lower = label.toLowerCase(Locale.ROOT);
        if (LABEL.matcher(lower).matches() && lower.length() <= 63) {
            return lower;
        }
        boolean ascii = lower.chars().allMatch(c -> c < 128);
        if (!ascii && !label.isEmpty()) {
            try {
                return DomainName.of(label + ".invalid").labels().get(0);
            } catch (InvalidDomainNameException e) {
                throw new InvalidRecordException("'" + name + "': " + e.getMessage());
            }
        }
        throw new InvalidRecordException("'" + name + "' has the invalid label '" + label + "'");
    }

    private static String address(String data, boolean six) {
        boolean looksRight = six ? IPV6.matcher(data).matches() : IPV4.matcher(data).matches();
        if (!looksRight) {
            throw new InvalidRecordException("'" + data + "' is not an IPv" + (six ? "6" : "4") + " address");
        }
        try {
            InetAddress parsed = InetAddress.getByName(data);
            if ((parsed.getAddress().length == 16) != six) {
                throw new InvalidRecordException("'" + data + "' is not an IPv" + (six ? "6" : "4") + " address");
            }
            return six ? compressed(parsed.getAddress()) : parsed.getHostAddress();
        } catch (UnknownHostException e) {
            throw new InvalidRecordException("'" + data + "' is not an IPv" + (six ? "6" : "4") + " address");
        }
    }

    /** RFC 5952's text form: lower case, the longest run of two or more zero groups as {@code ::}. */
    static String compressed(byte[] address) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength && j - i >= 2) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    private static String last(String data) {
        String[] parts = data.split("\\s+");
        return parts[parts.length - 1];
    }

    /** SRV data is {@code weight port target}; the priority is the record's. */
    private static String srv(String absoluteOrigin, int priority, String data) {
        String[] parts = data.split("\\s+");
        if (parts.length == 4) { // the priority written into the data as well
            parts = new String[] {parts[1], parts[2], parts[3]};
        }
        if (parts.length != 3 || !parts[0].matches("\\d{1,5}") || !parts[1].matches("\\d{1,5}")
                || Integer.parseInt(parts[0]) > 65_535 || Integer.parseInt(parts[1]) > 65_535) {
            throw new InvalidRecordException("SRV data is 'weight port target', was '" + data + "'");
        }
        return priority + " " + Integer.parseInt(parts[0]) + " " + Integer.parseInt(parts[1]) + " "
                + absolute(absoluteOrigin, parts[2]);
    }

    /** CAA data is {@code flags tag value}; the value is quoted. */
    private static String caa(String data) {
        String[] parts = data.split("\\s+", 3);
        if (parts.length != 3 || !parts[0].matches("\\d{1,3}") || Integer.parseInt(parts[0]) > 255
                || !parts[1].matches("[A-Za-z0-9]+")) {
            throw new InvalidRecordException("CAA data is 'flags tag \"value\"', was '" + data + "'");
        }
        List<byte[]> value = parts[2].startsWith("\"") ? strings(parts[2])
                : List.of(parts[2].getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        value.forEach(joined::writeBytes);
        return Integer.parseInt(parts[0]) + " " + parts[1].toLowerCase(Locale.ROOT) + " " + quoted(joined.toByteArray());
    }

    /**
     * Quoted text as one or more zone file strings ({@code "v=spf1 -all"}, {@code "part one" "part two"}); text without
     * quotes is one text. Either way each string of more than 255 bytes is cut into several.
     */
    static String txt(String data) {
        List<byte[]> texts = data.startsWith("\"") ? strings(data) : List.of(data.getBytes(StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        for (byte[] text : texts) {
            if (text.length == 0) {
                out.add("\"\"");
            }
            for (int from = 0; from < text.length; from += TXT_STRING_BYTES) {
                byte[] chunk = new byte[Math.min(TXT_STRING_BYTES, text.length - from)];
                System.arraycopy(text, from, chunk, 0, chunk.length);
                out.add(quoted(chunk));
            }
        }
        return String.join(" ", out);
    }

    /** Zone file character strings: quoted ones with \" \\ and \DDD escapes, or bare words. */
    static List<byte[]> strings(String data) {
        List<byte[]> strings = new ArrayList<>();
        int i = 0;
        while (i < data.length()) {
            char c = data.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            boolean quotedString = c == '"';
            if (quotedString) {
                i++;
            }
            while (i < data.length()) {
                char d = data.charAt(i);
                if (quotedString ? d == '"' : Character.isWhitespace(d)) {
                    break;
                }
                if (d == '\\' && i + 1 < data.length()) {
                    if (i + 3 < data.length() && data.substring(i + 1, i + 4).matches("\\d{3}")) {
                        int value = Integer.parseInt(data.substring(i + 1, i + 4));
                        if (value > 255) {
                            throw new InvalidRecordException("'\\" + value + "' is not a byte in '" + data + "'");
                        }
                        text.write(value);
                        i += 4;
                    } else {
                        i++;
                        int cp = data.codePointAt(i);
                        text.writeBytes(Character.toString(cp).getBytes(StandardCharsets.UTF_8));
                        i += Character.charCount(cp);
                    }
                    continue;
                }
                int cp = data.codePointAt(i);
                text.writeBytes(Character.toString(cp).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
            if (quotedString) {
                if (i >= data.length()) {
                    throw new InvalidRecordException("a quote is not closed in '" + data + "'");
                }
                i++;
            }
            strings.add(text.toByteArray());
        }
        return strings;
    }

    /** One string in quotes: \" and \\ escaped, bytes outside printable ASCII as \DDD (as PowerDNS writes them). */
    static String quoted(byte[] text) {
        StringBuilder out = new StringBuilder("\"");
        for (byte b : text) {
            int value = b & 0xff;
            if (value == '"' || value == '\\') {
                out.append('\\').append((char) value);
            } else if (value < 32 || value > 126) {
                out.append('\\').append(String.format(Locale.ROOT, "%03d", value));
            } else {
                out.append((char) value);
            }
        }
        return out.append('"').toString();
    }

    /** A record the plugin cannot turn into PowerDNS content; the zone is refused before anything is sent. */
    public static final class InvalidRecordException extends IllegalArgumentException {

        public InvalidRecordException(String message) {
            super(message);
        }
    }
}
