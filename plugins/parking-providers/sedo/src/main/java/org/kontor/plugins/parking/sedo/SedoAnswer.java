package org.kontor.plugins.parking.sedo;

import java.util.List;
import java.util.Map;

/**
 * What Sedo's API answered to one call.
 *
 * @param kind        OK with {@code items}, FAULT with Sedo's code and text, NOT_SENT when the call never reached Sedo
 *                    (no connection), UNKNOWN when it may have been done (a time-out, a server error, an answer that
 *                    could not be read)
 * @param items       the {@code item} elements of a list answer, each as its child elements' text by name
 * @param problem     what went wrong for NOT_SENT and UNKNOWN, else null
 */
public record SedoAnswer(Kind kind, List<Map<String, String>> items, String faultCode, String faultString,
                         String problem) {

    public enum Kind { OK, FAULT, NOT_SENT, UNKNOWN }

    public SedoAnswer {
        items = items == null ? List.of() : List.copyOf(items);
    }

    static SedoAnswer ok(List<Map<String, String>> items) {
        return new SedoAnswer(Kind.OK, items, null, null, null);
    }

    static SedoAnswer fault(String code, String text) {
        return new SedoAnswer(Kind.FAULT, List.of(), code, text, null);
    }

    static SedoAnswer notSent(String problem) {
        return new SedoAnswer(Kind.NOT_SENT, List.of(), null, null, problem);
    }

    static SedoAnswer unknown(String problem) {
        return new SedoAnswer(Kind.UNKNOWN, List.of(), null, null, problem);
    }
}
