package org.kontor.api.lifecycle;

import org.pf4j.ExtensionPoint;

/**
 * Work a plugin runs for as long as it is started: a server on a socket, a connection it keeps open.
 * The host starts each service after the plugin's migrations ran and the plugin started, and stops it
 * before the plugin is disabled, fails or the host shuts down. A service whose start throws marks its
 * plugin failed; the other plugins run on.
 */
public interface PluginService extends ExtensionPoint {

    /** Starts the work; returns once it runs (start background threads of your own). */
    void start() throws Exception;

    /** Stops the work and frees its resources; called once for every successful start. */
    void stop();
}
