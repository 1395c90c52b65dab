package org.kontor.api.registry;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A DS record of a signed domain (RFC 4034 §5), as registries take it over EPP's secDNS extension (RFC 5910).
 *
 * @param keyTag     the key tag of the DNSKEY it points at, 0–65535
 * @param algorithm  the DNSSEC algorithm number, 0–255 (e.g. 13 for ECDSA P-256 with SHA-256)
 * @param digestType the digest algorithm number, 0–255 (1 SHA-1, 2 SHA-256, 4 SHA-384)
 * @param digest     the digest in hexadecimal; stored in upper case without blanks
 */
public record DsRecord(int keyTag, int algorithm, int digestType, String digest) {

    private static final Pattern HEX = Pattern.compile("([0-9A-F]{2})+");

    /**
     * @throws IllegalArgumentException naming the field that is out of range or malformed
     */
    public DsRecord {
        if (keyTag < 0 || keyTag > 65535) {
            throw new IllegalArgumentException("keyTag: " + keyTag + " is not between 0 and 65535");
        }
        if (algorithm < 0 || algorithm > 255) {
            throw new IllegalArgumentException("algorithm: " + algorithm + " is not between 0 and 255");
        }
        if (digestType < 0 || digestType > 255) {
            throw new IllegalArgumentException("digestType: " + digestType + " is not between 0 and 255");
        }
        if (digest == null) {
            throw new IllegalArgumentException("digest: is required");
        }
        digest = digest.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!HEX.matcher(digest).matches()) {
            throw new IllegalArgumentException("digest: is not an even number of hexadecimal digits");
        }
        int expected = switch (digestType) {
            case 1 -> 40;
            case 2 -> 64;
            case 4 -> 96;
            default -> -1;
        };
        if (expected > 0 && digest.length() != expected) {
            throw new IllegalArgumentException("digest: a digest of type " + digestType + " has " + expected
                    + " hexadecimal digits, not " + digest.length());
        }
    }
}
