package org.kontor.plugins.googleanalytics;

import org.pf4j.Plugin;

/** The Google Analytics 4 plugin; its work is done by its extensions (the page snippet, purchases and the settings). */
public class GoogleAnalyticsPlugin extends Plugin {
}
