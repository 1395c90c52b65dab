package org.kontor.plugins.epp.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the registry's example frames from the test resources. */
final class Vectors {

    private Vectors() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = Vectors.class.getResourceAsStream("/epp/xml/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test vector " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
