package org.kontor.plugins.epp.command;

import java.util.List;
import java.util.Objects;

/** A name server of a domain: its host name and, for a host attribute, its glue addresses. */
public record NameServer(String hostName, List<IpAddress> addresses) {

    public NameServer {
        Objects.requireNonNull(hostName, "hostName");
        addresses = List.copyOf(addresses);
    }

    public static NameServer of(String hostName, IpAddress... addresses) {
        return new NameServer(hostName, List.of(addresses));
    }
}
