package org.kontor.plugins.sandbox;

import org.pf4j.Plugin;

/**
 * The sandbox registry plugin: a local EPP server ({@link org.kontor.plugins.sandbox.server.SandboxServer})
 * that behaves like the .dk registry for demos and client tests, run by {@link org.kontor.plugins.sandbox.service.SandboxService}
 * and configured through {@link org.kontor.plugins.sandbox.service.SandboxSettingsSchema}.
 */
public class SandboxRegistryPlugin extends Plugin {
}
