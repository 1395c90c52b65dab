package org.kontor.plugins.epp.response;

import java.time.Instant;
import java.util.List;
import org.kontor.plugins.epp.command.IpAddress;

/** A host as the registry holds it. Optional values are null when absent. */
public record HostInfoData(String name, String roid, List<String> statuses, List<IpAddress> addresses,
        String clientId, String creatorId, Instant createdAt, String updaterId, Instant updatedAt)
        implements ResponseData {

    public HostInfoData {
        statuses = List.copyOf(statuses);
        addresses = List.copyOf(addresses);
    }
}
