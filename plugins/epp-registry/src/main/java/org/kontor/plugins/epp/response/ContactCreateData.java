package org.kontor.plugins.epp.response;

import java.time.Instant;

/** A created contact; a registry may assign its own id (the .dk registry does). */
public record ContactCreateData(String id, Instant createdAt) implements ResponseData {
}
