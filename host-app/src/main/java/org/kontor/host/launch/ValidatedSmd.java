package org.kontor.host.launch;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A signed mark data file that passed every check.
 *
 * @param encodedSignedMark the base64 of the signed mark, without line breaks, as the registry's launch create takes it
 * @param smdId             the signed mark's id
 * @param markNames         the names of the marks in it (usually one)
 * @param labels            the labels (A-labels) the signed mark covers
 * @param notBefore         when the signed mark became valid
 * @param notAfter          when it stops being valid
 */
public record ValidatedSmd(String encodedSignedMark, String smdId, List<String> markNames, List<String> labels,
                           Instant notBefore, Instant notAfter) {

    public ValidatedSmd {
        Objects.requireNonNull(encodedSignedMark, "encodedSignedMark");
        Objects.requireNonNull(smdId, "smdId");
        markNames = List.copyOf(markNames);
        labels = List.copyOf(labels);
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
    }

    /** The first mark's name. */
    public String markName() {
        return markNames.isEmpty() ? "" : markNames.get(0);
    }
}
