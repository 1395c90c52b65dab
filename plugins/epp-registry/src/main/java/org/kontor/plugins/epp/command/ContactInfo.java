package org.kontor.plugins.epp.command;

import java.util.Objects;

/**
 * Reads a contact.
 *
 * @param authInfo the contact's authorization password, or null
 */
public record ContactInfo(String id, String authInfo) implements EppCommand {

    public ContactInfo {
        Objects.requireNonNull(id, "id");
    }
}
