package org.kontor.host.plugins;

/** An enable or disable that cannot be done, with the reason for the operator. */
public class PluginOperationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String pluginId;

    public PluginOperationException(String pluginId, String message) {
        super(message);
        this.pluginId = pluginId;
    }

    public String pluginId() {
        return pluginId;
    }
}
