package org.kontor.plugins.parking.nameservers;

import org.kontor.api.PluginContext;
import org.pf4j.Extension;

/** Bodis: parking by its nameservers. */
@Extension
public class BodisParking extends PresetParking {

    public BodisParking(PluginContext context) {
        super(context, Preset.BODIS);
    }
}
