package org.kontor.plugins.sandbox;

import org.pf4j.Plugin;

/**
 * The sandbox registry plugin: a local EPP server ({@link org.kontor.plugins.sandbox.server.SandboxServer})
 * that behaves like the .dk registry for demos and client tests. It registers no extensions yet.
 */
public class SandboxRegistryPlugin extends Plugin {
}
