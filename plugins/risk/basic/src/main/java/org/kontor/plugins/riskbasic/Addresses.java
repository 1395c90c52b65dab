package org.kontor.plugins.riskbasic;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP addresses as the checks read them: literals only (a name is never looked up), and whether one is public. */
final class Addresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f.:]*:[0-9A-Fa-f.:]*");

    private Addresses() {
    }

    /** The address written in {@code text}, or empty when it is no IP literal. */
    static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.strip();
        boolean ipv4 = IPV4.matcher(candidate).matches();
        if (ipv4 && java.util.Arrays.stream(candidate.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255)) {
            return Optional.empty(); // not a literal: InetAddress would look the text up as a name
        }
        if (candidate.length() > 45 || !(ipv4 || IPV6.matcher(candidate).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(candidate));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the address is on the public internet: not unspecified, loopback, private (RFC 1918), link-local,
     * multicast, carrier-grade NAT (100.64.0.0/10) or unique local IPv6 (fc00::/7).
     */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc;
        }
        return !((bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64);
    }
}
