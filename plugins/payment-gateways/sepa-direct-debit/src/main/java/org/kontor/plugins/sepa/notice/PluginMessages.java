package org.kontor.plugins.sepa.notice;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/** The plugin's own messages ({@code messages/payment-sepa/messages_<lang>.properties}, UTF-8); English fills gaps. */
public final class PluginMessages {

    private static final String FOLDER = "messages/payment-sepa/messages_";

    private final ClassLoader loader;
    private final Map<String, Properties> loaded = new ConcurrentHashMap<>();

    public PluginMessages(ClassLoader loader) {
        this.loader = loader;
    }

    public String get(String language, String key) {
        String value = bundle(language).getProperty(key);
        if (value == null) {
            value = bundle("en").getProperty(key);
        }
        return value == null ? key : value;
    }

    /** The message with {@code {0}}, {@code {1}} … replaced by the arguments as they are. */
    public String format(String language, String key, Object... arguments) {
        String text = get(language, key);
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }

    private Properties bundle(String language) {
        return loaded.computeIfAbsent(language, this::load);
    }

    private Properties load(String language) {
        Properties properties = new Properties();
        try (InputStream in = loader.getResourceAsStream(FOLDER + language + ".properties")) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the messages for " + language, e);
        }
        return properties;
    }
}
