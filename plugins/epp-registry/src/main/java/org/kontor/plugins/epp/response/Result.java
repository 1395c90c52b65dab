package org.kontor.plugins.epp.response;

import java.util.List;

/**
 * One {@code result} of a response (RFC 5730 §3).
 *
 * @param reasons the texts of {@code extValue/reason}, the registry's explanation of an error
 */
public record Result(int code, String message, List<String> reasons) {

    public Result {
        reasons = List.copyOf(reasons);
    }

    /** Codes 1xxx: the command succeeded (1001: it is pending and decided later). */
    public boolean isSuccess() {
        return code >= 1000 && code < 2000;
    }
}
