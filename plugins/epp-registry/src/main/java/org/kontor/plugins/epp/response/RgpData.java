package org.kontor.plugins.epp.response;

import java.util.List;

/**
 * RFC 3915 grace-period statuses of a domain, from {@code rgp:upData} (answer to a restore) or
 * {@code rgp:infData} (in a domain info).
 *
 * @param statuses e.g. {@code pendingRestore}, {@code redemptionPeriod}
 */
public record RgpData(List<String> statuses) implements ResponseExtension {

    public RgpData {
        statuses = List.copyOf(statuses);
    }
}
