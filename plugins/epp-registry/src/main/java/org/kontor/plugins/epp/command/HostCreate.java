package org.kontor.plugins.epp.command;

import java.util.List;
import java.util.Objects;

/** Creates a host; a host inside a domain of this registry needs its addresses (glue). */
public record HostCreate(String name, List<IpAddress> addresses) implements EppCommand {

    public HostCreate {
        Objects.requireNonNull(name, "name");
        addresses = List.copyOf(addresses);
    }
}
