package org.kontor.plugins.epp.command;

import java.util.Objects;

/** A contact linked to a domain with its role ({@code admin}, {@code billing}, {@code tech}). */
public record DomainContact(String type, String contactId) {

    public DomainContact {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(contactId, "contactId");
    }

    public static DomainContact admin(String id) {
        return new DomainContact("admin", id);
    }

    public static DomainContact billing(String id) {
        return new DomainContact("billing", id);
    }

    public static DomainContact tech(String id) {
        return new DomainContact("tech", id);
    }
}
