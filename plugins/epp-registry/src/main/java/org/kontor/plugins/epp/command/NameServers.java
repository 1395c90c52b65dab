package org.kontor.plugins.epp.command;

import java.util.List;

/**
 * The {@code domain:ns} of a command. RFC 5731 lets a registry accept either host objects (names of hosts
 * created beforehand) or host attributes (names with glue addresses), never both in one element, so the
 * caller chooses the form explicitly.
 */
public record NameServers(Form form, List<NameServer> servers) {

    /** Which element form is written. */
    public enum Form {
        HOST_OBJECTS, HOST_ATTRIBUTES
    }

    public NameServers {
        servers = List.copyOf(servers);
        if (form == Form.HOST_OBJECTS && servers.stream().anyMatch(s -> !s.addresses().isEmpty())) {
            throw new IllegalArgumentException("host objects carry no addresses; use host attributes for glue");
        }
    }

    public static NameServers hostObjects(List<String> hostNames) {
        return new NameServers(Form.HOST_OBJECTS, hostNames.stream().map(n -> new NameServer(n, List.of())).toList());
    }

    public static NameServers hostAttributes(List<NameServer> servers) {
        return new NameServers(Form.HOST_ATTRIBUTES, servers);
    }

    public static NameServers none() {
        return new NameServers(Form.HOST_OBJECTS, List.of());
    }

    public boolean isEmpty() {
        return servers.isEmpty();
    }
}
