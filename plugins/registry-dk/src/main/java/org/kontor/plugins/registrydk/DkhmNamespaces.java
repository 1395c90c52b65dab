package org.kontor.plugins.registrydk;

import java.util.List;
import java.util.Optional;
import org.kontor.plugins.epp.response.Greeting;

/**
 * The versions of the registry's extension ({@code urn:dkhm:params:xml:ns:dkhm-X.Y}) this plugin can speak.
 * The namespace is taken from the greeting: the newest version it announces among these.
 */
public final class DkhmNamespaces {

    public static final String PREFIX = "dkhm";
    public static final String DKHM_4_5 = "urn:dkhm:params:xml:ns:dkhm-4.5";
    public static final String DKHM_4_4 = "urn:dkhm:params:xml:ns:dkhm-4.4";
    /** Newest first; every element this plugin writes exists in each of them. */
    public static final List<String> SUPPORTED = List.of(DKHM_4_5, DKHM_4_4);

    private DkhmNamespaces() {
    }

    /** The newest supported version the greeting announces. */
    public static Optional<String> of(Greeting greeting) {
        return SUPPORTED.stream().filter(greeting.extensionUris()::contains).findFirst();
    }
}
