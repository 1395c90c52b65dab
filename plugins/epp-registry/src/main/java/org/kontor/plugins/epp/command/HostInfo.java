package org.kontor.plugins.epp.command;

import java.util.Objects;

/** Reads a host. */
public record HostInfo(String name) implements EppCommand {

    public HostInfo {
        Objects.requireNonNull(name, "name");
    }
}
