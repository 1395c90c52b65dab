package org.kontor.plugins.epp.command;

import java.util.List;
import java.util.Objects;

/**
 * Changes a domain: name servers, contacts and statuses added or removed; registrant and password changed.
 *
 * @param newRegistrant the new registrant contact id, or null to keep it
 * @param newAuthInfo the new authorization password, or null to keep it
 */
public record DomainUpdate(String name, Changes add, Changes remove, String newRegistrant, String newAuthInfo)
        implements EppCommand {

    /** What {@code domain:add} or {@code domain:rem} lists. */
    public record Changes(NameServers nameServers, List<DomainContact> contacts, List<String> statuses) {

        public Changes {
            nameServers = nameServers == null ? NameServers.none() : nameServers;
            contacts = List.copyOf(contacts);
            statuses = List.copyOf(statuses);
        }

        public static Changes none() {
            return new Changes(NameServers.none(), List.of(), List.of());
        }

        public boolean isEmpty() {
            return nameServers.isEmpty() && contacts.isEmpty() && statuses.isEmpty();
        }
    }

    public DomainUpdate {
        Objects.requireNonNull(name, "name");
        add = add == null ? Changes.none() : add;
        remove = remove == null ? Changes.none() : remove;
    }

    public boolean changesRegistrantOrAuthInfo() {
        return newRegistrant != null || newAuthInfo != null;
    }

    @Override
    public String toString() {
        return "DomainUpdate[name=" + name + ", add=" + add + ", remove=" + remove + ", newRegistrant="
                + newRegistrant + "]";
    }
}
