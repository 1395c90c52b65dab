package org.kontor.plugins.registrydk;

import org.pf4j.Plugin;

/**
 * The .dk registry (Punktum dk, formerly DK Hostmaster) over EPP: the registry's dkhm extensions on the engine
 * of the epp-registry plugin, which this plugin depends on.
 */
public class RegistryDkPlugin extends Plugin {
}
