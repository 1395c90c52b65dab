package org.kontor.host.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** The address a client sent a request from, as risk checks see it. */
public final class ClientAddress {

    /** IPv4 and IPv6 literals, checked before parsing so that a name is never looked up. */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f.:]*:[0-9A-Fa-f.:]*");

    private ClientAddress() {
    }

    /**
     * The address the request came from as the server saw it (the peer's address; an {@code X-Forwarded-For} header
     * is not trusted, as any client can send one), or null.
     */
    public static String of(Context ctx) {
        return literal(ctx.ip());
    }

    /** The IP address written in {@code text}, normalised ({@code 2001:db8:0:0:0:0:0:1}), or null when it is none. */
    public static String literal(String text) {
        if (text == null) {
            return null;
        }
        String candidate = text.strip();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        boolean ipv4 = IPV4.matcher(candidate).matches();
        if (ipv4 && java.util.Arrays.stream(candidate.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255)) {
            return null; // not a literal: InetAddress would look the text up as a name
        }
        if (candidate.length() > 45 || !(ipv4 || IPV6.matcher(candidate).matches())) {
            return null;
        }
        try {
            return InetAddress.getByName(candidate).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
