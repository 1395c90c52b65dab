package org.kontor.plugins.epp.response;

import java.util.List;

/** The answer to a host check, one entry per name. */
public record HostCheckData(List<Availability> names) implements ResponseData {

    public HostCheckData {
        names = List.copyOf(names);
    }
}
