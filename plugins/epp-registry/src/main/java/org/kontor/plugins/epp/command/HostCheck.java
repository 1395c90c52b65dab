package org.kontor.plugins.epp.command;

import java.util.List;

/** Asks whether host names are free. */
public record HostCheck(List<String> names) implements EppCommand {

    public HostCheck {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a check names at least one host");
        }
    }
}
