package org.kontor.plugins.parking.sedo;

import org.pf4j.Plugin;

/** The Sedo plugin; its work is done by its extensions (parking, the aftermarket offers and the settings). */
public class SedoPlugin extends Plugin {
}
