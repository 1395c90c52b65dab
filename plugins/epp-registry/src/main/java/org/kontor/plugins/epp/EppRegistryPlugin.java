package org.kontor.plugins.epp;

import org.pf4j.Plugin;

/**
 * The EPP registry plugin: the protocol engine (framing, codec) that registry plugins such as the .dk one
 * build on. It registers no extensions yet.
 */
public class EppRegistryPlugin extends Plugin {
}
