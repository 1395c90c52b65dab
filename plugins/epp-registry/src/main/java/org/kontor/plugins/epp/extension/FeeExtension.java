package org.kontor.plugins.epp.extension;

import java.util.Currency;
import org.kontor.api.money.Money;
import org.kontor.plugins.epp.codec.EppNamespaces;
import org.kontor.plugins.epp.command.CommandExtension;
import org.kontor.plugins.epp.command.Period;

/** Registry fees (RFC 8748, fee-1.0): the quote on check and the fee agreed to on a billable command. */
public final class FeeExtension {

    private static final String P = "fee";

    private FeeExtension() {
    }

    /**
     * {@code fee:check} asking the price of one command for every name in the domain check.
     *
     * @param currency the currency to quote in, or null for the registry's
     * @param period   the period, or null for the registry's default
     */
    public static CommandExtension check(Currency currency, String command, Period period) {
        return CommandExtension.of(EppNamespaces.FEE, P, out -> {
            out.start("check");
            if (currency != null) {
                out.leaf("currency", currency.getCurrencyCode());
            }
            out.start("command").attribute("name", command);
            if (period != null) {
                out.start("period").attribute("unit", period.unit().code()).text(Integer.toString(period.value()))
                        .end();
            }
            out.end().end();
        });
    }

    /**
     * The agreement to pay a fee on a transform command: {@code fee:create}, {@code fee:renew},
     * {@code fee:transfer} or, for a restore, {@code fee:update}.
     */
    public static CommandExtension agreement(String element, Money fee) {
        return CommandExtension.of(EppNamespaces.FEE, P, out -> out.start(element)
                .leaf("currency", fee.currency().getCurrencyCode())
                .leaf("fee", fee.amount().toPlainString()).end());
    }
}
