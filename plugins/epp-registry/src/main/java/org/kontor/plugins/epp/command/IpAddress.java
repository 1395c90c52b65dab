package org.kontor.plugins.epp.command;

import java.util.Objects;

/** A host address as EPP writes it: the text of the address and whether it is IPv4 or IPv6. */
public record IpAddress(String address, Version version) {

    /** The {@code ip} attribute. */
    public enum Version {
        V4("v4"), V6("v6");

        private final String code;

        Version(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Version fromCode(String code) {
            return "v6".equals(code) ? V6 : V4;
        }
    }

    public IpAddress {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(version, "version");
    }

    /** An address whose version is told by its text: IPv6 addresses contain a colon. */
    public static IpAddress of(String address) {
        return new IpAddress(address, address.contains(":") ? Version.V6 : Version.V4);
    }
}
