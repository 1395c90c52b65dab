package org.kontor.api.provisioning;

import java.util.Objects;

/**
 * The customer a service is set up for.
 *
 * @param language the customer's language (en, da, de, cs, sk)
 */
public record ServiceOwner(String customerId, String name, String email, String language) {

    public ServiceOwner {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(email, "email");
    }
}
