package org.kontor.api.verification;

import java.util.List;
import java.util.Objects;
import org.kontor.api.contact.PostalAddress;

/**
 * What an address verifier found.
 *
 * @param status     the verdict
 * @param suggestion the address as the verifier would write it, or null
 * @param problems   what is wrong, in English (empty when valid)
 */
public record AddressVerdict(Status status, PostalAddress suggestion, List<String> problems) {

    /** The verdict. */
    public enum Status {
        /** The address is as it should be. */
        VALID,
        /** The address exists written as the suggestion. */
        CORRECTED,
        /** The address cannot be right. */
        INVALID,
        /** The verifier cannot tell (no data for the country, provider unreachable). */
        UNKNOWN
    }

    public AddressVerdict {
        Objects.requireNonNull(status, "status");
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public static AddressVerdict valid() {
        return new AddressVerdict(Status.VALID, null, List.of());
    }

    public static AddressVerdict invalid(String problem) {
        return new AddressVerdict(Status.INVALID, null, List.of(problem));
    }

    public static AddressVerdict unknown(String why) {
        return new AddressVerdict(Status.UNKNOWN, null, List.of(why));
    }
}
