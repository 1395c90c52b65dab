package org.kontor.host.themes;

import java.util.Optional;

/** Checks relative file paths that come from requests or template names before they touch a file system. */
final class RelativePaths {

    private RelativePaths() {
    }

    /**
     * The path itself when it is a plain relative path: non-empty, forward slashes only, no empty,
     * {@code .} or {@code ..} segment, no backslash, colon, percent sign or control character.
     */
    static Optional<String> clean(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
            return Optional.empty();
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == ':' || c == '%') {
                return Optional.empty();
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        return Optional.of(path);
    }
}
