package org.kontor.plugins.parking.nameservers;

import org.kontor.api.PluginContext;
import org.pf4j.Extension;

/** ParkingCrew: parking by its nameservers. */
@Extension
public class ParkingCrewParking extends PresetParking {

    public ParkingCrewParking(PluginContext context) {
        super(context, Preset.PARKINGCREW);
    }
}
