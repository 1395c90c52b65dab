package org.kontor.host.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.kontor.api.money.Money;

/**
 * An issued line. Net and VAT are each rounded to the currency's minor unit on the line, gross is their sum, and the
 * document's totals are sums of these rounded lines, so every figure on the document adds up as printed.
 *
 * @param vatRate percent, e.g. 25, 19, 21 or 0
 */
public record InvoiceLine(int position, String description, BigDecimal quantity, Money unitPrice, BigDecimal vatRate,
                          Money net, Money vat, Money gross) {

    /**
     * Half-up ("kaufmännisches Runden"), not half-even: it is the rule the tax authorities and accountants of
     * Denmark, Germany, Czechia and Slovakia apply and expect to recompute, and half-even would print e.g. 0.02 of
     * VAT on a net of 0.10 at 25 % where any reader checks 0.03.
     */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A line whose VAT was fixed before (see {@link DraftLine#fixedVat()}): net = quantity × unit price. */
    public static InvoiceLine withVat(int position, String description, BigDecimal quantity, Money unitPrice,
                                      BigDecimal vatRate, Money vat) {
        Money net = unitPrice.times(quantity, ROUNDING);
        return new InvoiceLine(position, description, quantity, unitPrice, vatRate.stripTrailingZeros(), net, vat,
                net.plus(vat));
    }

    /** Prices a line: net = quantity × unit price, VAT = net × rate, each rounded half-up. */
    public static InvoiceLine priced(int position, String description, BigDecimal quantity, Money unitPrice,
                                     BigDecimal vatRate) {
        Money net = unitPrice.times(quantity, ROUNDING);
        Money vat = net.times(vatRate.divide(HUNDRED), ROUNDING);
        return new InvoiceLine(position, description, quantity, unitPrice, vatRate.stripTrailingZeros(), net, vat,
                net.plus(vat));
    }
}
