package org.kontor.plugins.matomo;

import org.pf4j.Plugin;

/** The Matomo plugin; its work is done by its extensions (the page snippet, the order tracking and the settings). */
public class MatomoPlugin extends Plugin {
}
