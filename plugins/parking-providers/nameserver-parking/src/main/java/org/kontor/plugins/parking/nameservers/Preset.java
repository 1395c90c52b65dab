package org.kontor.plugins.parking.nameservers;

import java.util.List;

/**
 * A parking provider that needs nothing but its nameservers: a domain whose nameservers are the provider's is parked
 * in the account the provider finds it by (the operator registers the domains or a wildcard with the provider).
 *
 * @param id                 the provider id, also the prefix of its settings ({@code <id>.enabled},
 *                           {@code <id>.nameservers})
 * @param defaultNameservers the nameservers the provider publishes for parked domains
 */
public record Preset(String id, String displayName, List<String> defaultNameservers) {

    /** NameDrive's parking nameservers, as its help pages give them. */
    public static final Preset NAMEDRIVE = new Preset("namedrive", "NameDrive",
            List.of("ns1.namedrive.com", "ns2.namedrive.com"));
    /** ParkingCrew's parking nameservers, as its help pages give them. */
    public static final Preset PARKINGCREW = new Preset("parkingcrew", "ParkingCrew",
            List.of("ns1.parkingcrew.net", "ns2.parkingcrew.net"));
    /** Bodis's parking nameservers, as its help pages give them. */
    public static final Preset BODIS = new Preset("bodis", "Bodis", List.of("ns1.bodis.com", "ns2.bodis.com"));

    public static final List<Preset> ALL = List.of(NAMEDRIVE, PARKINGCREW, BODIS);

    public Preset {
        defaultNameservers = List.copyOf(defaultNameservers);
    }

    public String enabledKey() {
        return id + ".enabled";
    }

    public String nameserversKey() {
        return id + ".nameservers";
    }
}
