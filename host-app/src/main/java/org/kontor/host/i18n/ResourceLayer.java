package org.kontor.host.i18n;

import java.net.URL;
import java.util.Optional;

/** One place to look up a file by relative path, e.g. a theme's folder. */
@FunctionalInterface
public interface ResourceLayer {

    /** The file at {@code relativePath}, e.g. {@code messages/messages_da.properties}; empty if absent. */
    Optional<URL> find(String relativePath);
}
