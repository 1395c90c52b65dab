package org.kontor.plugins.epp.response;

import java.util.List;

/** The answer to a contact check, one entry per id. */
public record ContactCheckData(List<Availability> ids) implements ResponseData {

    public ContactCheckData {
        ids = List.copyOf(ids);
    }
}
