package org.kontor.api.registry;

import java.util.Objects;

/**
 * Launch phase data of an application during sunrise or another launch phase (RFC 8334): the phase name
 * and, for sunrise, the signed mark data file (RFC 7848) as the trademark clearinghouse issued it.
 */
public record LaunchData(String phase, String signedMarkData) {

    public LaunchData {
        Objects.requireNonNull(phase, "phase");
    }

    public static LaunchData sunrise(String signedMarkData) {
        return new LaunchData("sunrise", Objects.requireNonNull(signedMarkData, "signedMarkData"));
    }

    public static LaunchData phase(String phase) {
        return new LaunchData(phase, null);
    }
}
