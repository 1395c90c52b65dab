package org.kontor.api.registry;

import java.util.Objects;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.money.Money;

/**
 * What a registry charges the registrar for one command on one name, as it quotes it (EPP fee extension,
 * RFC 8748).
 *
 * @param command  the command quoted: {@code create}, {@code renew}, {@code transfer} or {@code restore}
 * @param period   the period quoted, or null where the command has none (restore)
 * @param price    the fee, or null when the registry does not quote this name (see {@code reason})
 * @param premium  true when the registry classes the name as premium
 * @param reason   why the registry gives no price, or null
 */
public record DomainPrice(DomainName name, String command, Period period, Money price, boolean premium,
                          String reason) {

    public DomainPrice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(command, "command");
        if (price == null && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("reason: is required when no price is quoted");
        }
    }

    public boolean quoted() {
        return price != null;
    }
}
