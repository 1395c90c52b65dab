package org.kontor.plugins.sandbox.settings;

import java.util.Objects;
import org.kontor.api.money.Money;

/**
 * A registrar that may log in, and the balance its account at the sandbox starts with.
 */
public record RegistrarAccount(String clientId, String password, Money openingBalance) {

    public RegistrarAccount {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(openingBalance, "openingBalance");
    }

    @Override
    public String toString() {
        return "RegistrarAccount[clientId=" + clientId + ", openingBalance=" + openingBalance + "]";
    }
}
