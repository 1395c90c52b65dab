package org.kontor.plugins.epp.command;

import java.util.List;
import java.util.Objects;

/**
 * Creates a contact.
 *
 * @param voice the phone number in EPP form ({@code +45.12345678}), or null
 * @param fax the fax number, or null
 */
public record ContactCreate(String id, List<PostalInfo> postalInfos, String voice, String fax, String email,
        String authInfo) implements EppCommand {

    public ContactCreate {
        Objects.requireNonNull(id, "id");
        postalInfos = List.copyOf(postalInfos);
        if (postalInfos.isEmpty() || postalInfos.size() > 2) {
            throw new IllegalArgumentException("a contact has one or two postal infos");
        }
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(authInfo, "authInfo");
    }

    @Override
    public String toString() {
        return "ContactCreate[id=" + id + ", postalInfos=" + postalInfos + ", email=" + email + "]";
    }
}
