package org.kontor.host.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the configuration in layers: built-in defaults, then the operator's properties file, then
 * environment variables ({@code db.url} is {@code KONTOR_DB_URL}), then system properties
 * ({@code -Dkontor.db.url=...}). Values may refer to other keys as {@code ${data.dir}}.
 */
public final class ConfigLoader {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([a-z0-9.-]+)}");

    private final Map<String, String> environment;
    private final Properties systemProperties;

    public ConfigLoader(Map<String, String> environment, Properties systemProperties) {
        this.environment = environment;
        this.systemProperties = systemProperties;
    }

    /** The environment variable that overrides a key: {@code db.pool-size} is {@code KONTOR_DB_POOL_SIZE}. */
    public static String environmentName(String key) {
        return "KONTOR_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * @param file the operator's file; it may be absent, unless {@code required}
     */
    public KontorConfig load(Path file, boolean required) {
        Map<String, String> values = new HashMap<>(defaults());
        if (file != null && Files.isRegularFile(file)) {
            values.putAll(read(file));
        } else if (required) {
            throw new ConfigException("config file", "'" + file + "' does not exist");
        }
        for (String key : Map.copyOf(values).keySet()) {
            String fromEnvironment = environment.get(environmentName(key));
            if (fromEnvironment != null) {
                values.put(key, fromEnvironment);
            }
            String fromSystem = systemProperties.getProperty("kontor." + key);
            if (fromSystem != null) {
                values.put(key, fromSystem);
            }
        }
        return new KontorConfig(resolveReferences(values));
    }

    private static Map<String, String> defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/kontor-defaults.properties")) {
            if (in == null) {
                throw new IllegalStateException("kontor-defaults.properties is missing from the host jar");
            }
            return toMap(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return toMap(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Map<String, String> toMap(InputStream in) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }

    private static Map<String, String> resolveReferences(Map<String, String> values) {
        Map<String, String> resolved = new HashMap<>();
        values.forEach((key, value) -> resolved.put(key, resolve(key, value, values, 0)));
        return resolved;
    }

    private static String resolve(String key, String value, Map<String, String> values, int depth) {
        if (value == null || depth > 10) {
            return value;
        }
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String referenced = values.get(matcher.group(1));
            if (referenced == null) {
                throw new ConfigException(key, "refers to unknown key '" + matcher.group(1) + "'");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(resolve(matcher.group(1), referenced, values, depth + 1)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
