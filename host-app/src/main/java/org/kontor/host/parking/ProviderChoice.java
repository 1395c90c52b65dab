package org.kontor.host.parking;

import java.util.List;

/** A running parking provider as a customer chooses it: its id, its name and its nameservers (A-labels). */
public record ProviderChoice(String id, String name, List<String> nameservers) {

    public ProviderChoice {
        nameservers = List.copyOf(nameservers);
    }
}
