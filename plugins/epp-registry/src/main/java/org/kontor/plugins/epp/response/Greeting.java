package org.kontor.plugins.epp.response;

import java.time.Instant;
import java.util.List;

/**
 * A server greeting. Its object and extension URIs are what a login may ask for; a registry that bumps an
 * extension version announces it here, so clients pick namespaces from the greeting, not from constants.
 */
public record Greeting(String serverId, Instant serverDate, List<String> versions, List<String> languages,
        List<String> objectUris, List<String> extensionUris) implements EppMessage {

    public Greeting {
        versions = List.copyOf(versions);
        languages = List.copyOf(languages);
        objectUris = List.copyOf(objectUris);
        extensionUris = List.copyOf(extensionUris);
    }
}
