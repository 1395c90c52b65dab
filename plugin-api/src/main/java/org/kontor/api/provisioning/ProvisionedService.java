package org.kontor.api.provisioning;

import java.util.Map;

/**
 * A service as the third party set it up.
 *
 * @param remoteReference the third party's id for it
 * @param details         what the customer is shown (control panel address, user name); never a password
 */
public record ProvisionedService(String remoteReference, Map<String, String> details) {

    public ProvisionedService {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
