package org.kontor.api.domain;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * A nameserver host name with its glue addresses. Glue is needed only when the host lies inside the
 * domain it serves ({@code ns1.example.dk} for {@code example.dk}).
 */
public record Nameserver(DomainName host, List<InetAddress> addresses) {

    public Nameserver {
        Objects.requireNonNull(host, "host");
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }

    public static Nameserver of(String host) {
        return new Nameserver(DomainName.of(host), List.of());
    }

    public static Nameserver withGlue(String host, InetAddress... addresses) {
        return new Nameserver(DomainName.of(host), List.of(addresses));
    }

    /** Whether this host needs glue records when it serves {@code domain}. */
    public boolean needsGlueFor(DomainName domain) {
        return domain.contains(host);
    }
}
