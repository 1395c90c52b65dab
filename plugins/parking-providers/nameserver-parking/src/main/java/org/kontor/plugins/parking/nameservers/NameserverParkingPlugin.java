package org.kontor.plugins.parking.nameservers;

import org.pf4j.Plugin;

/** Parking by nameservers; its work is done by the preset providers and their settings. */
public class NameserverParkingPlugin extends Plugin {
}
