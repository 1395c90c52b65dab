package org.kontor.api.registry;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.kontor.api.domain.DomainName;

/**
 * One message from a registry's poll queue.
 *
 * @param kind   what happened, e.g. {@code transfer-completed}, {@code domain-deleted}, {@code create-approved};
 *               unknown kinds are kept and shown to the operator
 * @param domain the domain it is about, or null
 * @param data   further fields as the registry sent them (e.g. the echoed clTRID as {@code paTRID})
 */
public record RegistryMessage(String id, Instant queuedAt, String kind, String text, DomainName domain,
                              Map<String, String> data) {

    public RegistryMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
