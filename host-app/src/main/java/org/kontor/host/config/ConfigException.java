package org.kontor.host.config;

/** A configuration value that is missing or wrong; the message names the key and the environment variable. */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String key, String problem) {
        super("configuration '" + key + "' (environment " + ConfigLoader.environmentName(key) + ") " + problem);
    }
}
