package org.kontor.plugins.epp.response;

import java.util.List;

/**
 * The DS records of a signed domain from {@code secDNS:infData} (RFC 5910), in the DS data interface the
 * .dk registry uses.
 */
public record SecDnsData(List<DsData> dsData) implements ResponseExtension {

    /** One DS record. */
    public record DsData(int keyTag, int algorithm, int digestType, String digest) {
    }

    public SecDnsData {
        dsData = List.copyOf(dsData);
    }
}
