package org.kontor.api.settings;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * The settings form of a plugin (API keys, endpoints, options) with an optional "test connection"
 * action, as DependencyTrack's extension factories declare theirs. The host validates every save against
 * {@link #fields()}, stores secret fields encrypted, and shows the form in the admin interface.
 */
public interface SettingsSchema extends ExtensionPoint {

    List<SettingField> fields();

    /** Tries the candidate settings against the remote system without saving them. */
    default ConnectionTestResult testConnection(Settings candidate) {
        return ConnectionTestResult.notOffered();
    }
}
