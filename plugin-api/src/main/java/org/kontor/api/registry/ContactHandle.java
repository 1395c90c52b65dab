package org.kontor.api.registry;

/** The registry's id of a contact object, e.g. {@code ABC1234-DK}. */
public record ContactHandle(String id) {

    public ContactHandle {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("contact handle is required");
        }
    }
}
