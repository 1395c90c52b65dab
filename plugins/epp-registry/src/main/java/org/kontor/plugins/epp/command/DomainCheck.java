package org.kontor.plugins.epp.command;

import java.util.List;

/** Asks whether names can be registered. */
public record DomainCheck(List<String> names) implements EppCommand {

    public DomainCheck {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a check names at least one domain");
        }
    }

    public static DomainCheck of(String... names) {
        return new DomainCheck(List.of(names));
    }
}
