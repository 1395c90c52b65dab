package org.kontor.plugins.epp.command;

import java.util.List;
import java.util.Objects;

/**
 * Opens a session. The object and extension URIs are the caller's choice, normally taken from the greeting.
 *
 * @param newPassword a new password to set, or null to keep the current one
 * @param language the response language, e.g. {@code en}
 */
public record Login(String clientId, String password, String newPassword, String language, List<String> objectUris,
        List<String> extensionUris) implements EppCommand {

    /** The only EPP version there is. */
    public static final String VERSION = "1.0";

    public Login {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(language, "language");
        objectUris = List.copyOf(objectUris);
        extensionUris = List.copyOf(extensionUris);
        if (objectUris.isEmpty()) {
            throw new IllegalArgumentException("a login names at least one object URI");
        }
    }

    /** Never print the passwords. */
    @Override
    public String toString() {
        return "Login[clientId=" + clientId + ", language=" + language + ", objectUris=" + objectUris
                + ", extensionUris=" + extensionUris + "]";
    }
}
