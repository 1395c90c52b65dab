package org.kontor.host.plugins;

/** A plugin's state as the operator sees it. */
public enum PluginStatus {
    /** Running: its routes, templates, jobs and listeners are live. */
    STARTED,
    /** Turned off by the operator. */
    DISABLED,
    /** Its start, its migrations or one of its extensions threw; see the problem. */
    FAILED,
    /** It requires a plugin API this host does not provide, or a plugin that is missing. */
    INCOMPATIBLE,
    /** Loaded but not running (stopped, or waiting for a dependency). */
    STOPPED
}
