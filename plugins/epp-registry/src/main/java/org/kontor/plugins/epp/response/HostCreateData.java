package org.kontor.plugins.epp.response;

import java.time.Instant;

/** A created host. */
public record HostCreateData(String name, Instant createdAt) implements ResponseData {
}
