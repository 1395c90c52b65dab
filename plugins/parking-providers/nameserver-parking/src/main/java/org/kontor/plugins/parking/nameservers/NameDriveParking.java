package org.kontor.plugins.parking.nameservers;

import org.kontor.api.PluginContext;
import org.pf4j.Extension;

/** NameDrive: parking by its nameservers. */
@Extension
public class NameDriveParking extends PresetParking {

    public NameDriveParking(PluginContext context) {
        super(context, Preset.NAMEDRIVE);
    }
}
