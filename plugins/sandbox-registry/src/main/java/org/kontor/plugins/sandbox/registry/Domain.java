package org.kontor.plugins.sandbox.registry;

import java.time.Instant;
import java.util.List;

/** A domain registered at the sandbox. */
public record Domain(String name, String roid, String registrar, Instant createdAt, Instant expiresAt,
        List<String> statuses, String authInfo) {

    public Domain {
        statuses = List.copyOf(statuses);
    }
}
