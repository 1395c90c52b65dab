package org.kontor.plugins.epp.response;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * The registry's quotes from a check with the fee extension ({@code fee:chkData}, RFC 8748).
 *
 * @param currency the currency of every amount
 */
public record FeeCheckData(Currency currency, List<Quote> quotes) implements ResponseExtension {

    /**
     * The quote of one object.
     *
     * @param feeClass the registry's class of the name (e.g. {@code premium}), or null
     * @param reason   why no fee is quoted, or null
     */
    public record Quote(String name, boolean available, String feeClass, List<CommandFee> commands, String reason) {
        public Quote {
            commands = List.copyOf(commands);
        }
    }

    /**
     * The fee of one command: the sum of its {@code fee:fee} elements.
     *
     * @param periodUnit  {@code y} or {@code m}, or null without a period
     * @param fee         the total, or null when the registry gives a reason instead
     * @param standard    whether the registry calls it its standard price
     */
    public record CommandFee(String name, Integer periodValue, String periodUnit, BigDecimal fee, boolean standard,
            String reason) {
    }

    public FeeCheckData {
        quotes = List.copyOf(quotes);
    }
}
