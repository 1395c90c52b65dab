package org.kontor.plugins.epp.response;

import java.time.Instant;
import java.util.List;
import org.kontor.plugins.epp.command.PostalInfo;

/**
 * A contact as the registry holds it. Optional values are null when absent.
 *
 * @param authInfo the authorization password, or null
 */
public record ContactInfoData(String id, String roid, List<String> statuses, List<PostalInfo> postalInfos,
        String voice, String fax, String email, String clientId, String creatorId, Instant createdAt,
        String updaterId, Instant updatedAt, String authInfo) implements ResponseData {

    public ContactInfoData {
        statuses = List.copyOf(statuses);
        postalInfos = List.copyOf(postalInfos);
    }

    @Override
    public String toString() {
        return "ContactInfoData[id=" + id + ", roid=" + roid + ", statuses=" + statuses + ", clientId=" + clientId
                + "]";
    }
}
