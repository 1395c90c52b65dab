package org.kontor.plugins.epp;

import org.pf4j.Plugin;

/**
 * The EPP registry plugin: the protocol engine (framing, codec) that registry plugins such as the .dk one
 * build on, and the generic RFC registry profile with its settings form.
 */
public class EppRegistryPlugin extends Plugin {
}
