package org.kontor.plugins.epp.response;

import java.util.List;

/** The answer to a domain check, one entry per name. */
public record DomainCheckData(List<Availability> names) implements ResponseData {

    public DomainCheckData {
        names = List.copyOf(names);
    }
}
