package org.kontor.plugins.riskbasic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a small MaxMind DB file (format 2.0, https://maxmind.github.io/MaxMind-DB/) of countries, as GeoLite2-Country
 * holds them, for tests: an IPv6 search tree with 32-bit records where IPv4 networks lie under ::/96, a data section
 * of maps, strings and unsigned integers, and the metadata after "\xAB\xCD\xEFMaxMind.com". The library's reader
 * reading it back is the proof of the format.
 */
final class MmdbWriter {

    private static final byte[] METADATA_MARKER = concat(new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF},
            "MaxMind.com".getBytes(StandardCharsets.US_ASCII));

    /** A node of the search tree; a child is a Node, an Integer (offset in the data section) or null (nothing). */
    private static final class Node {
        final Object[] children = new Object[2];
    }

    private final Node root = new Node();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private final Map<String, Integer> countries = new LinkedHashMap<>();
    private final String databaseType;

    MmdbWriter(String databaseType) {
        this.databaseType = databaseType;
    }

    /**
     * Adds a network ({@code 203.0.113.0/24}, {@code 2001:db8::/32}) in the country {@code isoCode}. A network replaces
     * whatever it covers, so add a more specific network after the one it lies in.
     */
    MmdbWriter country(String network, String isoCode) throws IOException {
        Integer offset = countries.get(isoCode);
        if (offset == null) {
            offset = data.size();
            Map<String, Object> names = Map.of("en", isoCode);
            Map<String, Object> country = new LinkedHashMap<>();
            country.put("iso_code", isoCode);
            country.put("names", names);
            data.write(encode(Map.of("country", country)));
            countries.put(isoCode, offset);
        }
        int slash = network.indexOf('/');
        byte[] address = InetAddress.getByName(network.substring(0, slash)).getAddress();
        int prefix = Integer.parseInt(network.substring(slash + 1));
        byte[] bits = new byte[16];
        if (address.length == 4) {
            System.arraycopy(address, 0, bits, 12, 4);
            prefix += 96;
        } else {
            bits = address;
        }
        insert(bits, prefix, offset);
        return this;
    }

    private void insert(byte[] address, int prefix, int offset) {
        Node node = root;
        for (int i = 0; i < prefix; i++) {
            int bit = (address[i / 8] >> (7 - i % 8)) & 1;
            if (i == prefix - 1) {
                node.children[bit] = offset;
                return;
            }
            Object child = node.children[bit];
            if (!(child instanceof Node)) {
                Node split = new Node();
                split.children[0] = child;
                split.children[1] = child;
                node.children[bit] = split;
                child = split;
            }
            node = (Node) child;
        }
    }

    void write(Path file) throws IOException {
        Files.write(file, build());
    }

    byte[] build() throws IOException {
        Map<Node, Integer> numbers = new IdentityHashMap<>();
        List<Node> order = new java.util.ArrayList<>();
        ArrayDeque<Node> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            Node node = queue.removeFirst();
            numbers.put(node, order.size());
            order.add(node);
            for (Object child : node.children) {
                if (child instanceof Node next) {
                    queue.addLast(next);
                }
            }
        }
        long nodeCount = order.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Node node : order) {
            for (Object child : node.children) {
                long record = child instanceof Node next ? numbers.get(next)
                        : child instanceof Integer offset ? nodeCount + 16 + offset : nodeCount;
                out.write(new byte[] {(byte) (record >>> 24), (byte) (record >>> 16), (byte) (record >>> 8),
                        (byte) record});
            }
        }
        out.write(new byte[16]);
        data.writeTo(out);
        out.write(METADATA_MARKER);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("binary_format_major_version", new Uint16(2));
        metadata.put("binary_format_minor_version", new Uint16(0));
        metadata.put("build_epoch", BigInteger.valueOf(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond()));
        metadata.put("database_type", databaseType);
        metadata.put("description", Map.of("en", "Kontor test countries"));
        metadata.put("ip_version", new Uint16(6));
        metadata.put("languages", List.of("en"));
        metadata.put("node_count", nodeCount);
        metadata.put("record_size", new Uint16(32));
        out.write(encode(metadata));
        return out.toByteArray();
    }

    /** An unsigned 16-bit integer (type 5); a Long is written as uint32 (type 6), a BigInteger as uint64 (type 9). */
    private record Uint16(int value) {
    }

    private static byte[] encode(Object value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (value instanceof String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            control(out, 2, bytes.length);
            out.write(bytes);
        } else if (value instanceof Map<?, ?> map) {
            control(out, 7, map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.write(encode(entry.getKey()));
                out.write(encode(entry.getValue()));
            }
        } else if (value instanceof List<?> list) {
            control(out, 11, list.size());
            for (Object item : list) {
                out.write(encode(item));
            }
        } else if (value instanceof Uint16 number) {
            unsigned(out, 5, BigInteger.valueOf(number.value()));
        } else if (value instanceof Long number) {
            unsigned(out, 6, BigInteger.valueOf(number));
        } else if (value instanceof BigInteger number) {
            unsigned(out, 9, number);
        } else {
            throw new IllegalArgumentException("cannot encode " + value);
        }
        return out.toByteArray();
    }

    /** An unsigned integer in as few bytes as it needs (none for 0). */
    private static void unsigned(ByteArrayOutputStream out, int type, BigInteger value) throws IOException {
        byte[] bytes = value.toByteArray();
        int start = 0;
        while (start < bytes.length && bytes[start] == 0) {
            start++;
        }
        control(out, type, bytes.length - start);
        out.write(bytes, start, bytes.length - start);
    }

    /** The control byte (type in the top 3 bits, or 0 and an extended type byte) and the size, with its extra bytes. */
    private static void control(ByteArrayOutputStream out, int type, int size) {
        int sizeBits;
        byte[] extra;
        if (size < 29) {
            sizeBits = size;
            extra = new byte[0];
        } else if (size < 29 + 256) {
            sizeBits = 29;
            extra = new byte[] {(byte) (size - 29)};
        } else if (size < 285 + 65536) {
            sizeBits = 30;
            int rest = size - 285;
            extra = new byte[] {(byte) (rest >>> 8), (byte) rest};
        } else {
            sizeBits = 31;
            int rest = size - 65821;
            extra = new byte[] {(byte) (rest >>> 16), (byte) (rest >>> 8), (byte) rest};
        }
        if (type <= 7) {
            out.write((type << 5) | sizeBits);
        } else {
            out.write(sizeBits);
            out.write(type - 7);
        }
        out.writeBytes(extra);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
