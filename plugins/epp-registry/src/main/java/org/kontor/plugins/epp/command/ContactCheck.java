package org.kontor.plugins.epp.command;

import java.util.List;

/** Asks whether contact ids are free. */
public record ContactCheck(List<String> ids) implements EppCommand {

    public ContactCheck {
        ids = List.copyOf(ids);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("a check names at least one contact");
        }
    }
}
