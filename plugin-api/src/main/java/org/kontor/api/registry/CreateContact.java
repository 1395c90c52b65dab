package org.kontor.api.registry;

import java.util.Objects;
import org.kontor.api.contact.Contact;
import org.kontor.api.outcome.IdempotencyKey;

/** Creates a contact object at the registry. */
public record CreateContact(IdempotencyKey key, Contact contact) {

    public CreateContact {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contact, "contact");
    }

    public static CreateContact of(IdempotencyKey key, Contact contact) {
        return new CreateContact(key, contact);
    }
}
