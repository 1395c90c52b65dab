package org.kontor.host.billing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kontor.api.money.Money;

/** The net, VAT and gross of the lines at one rate: sums of the rounded lines. */
public record VatTotal(BigDecimal rate, Money net, Money vat, Money gross) {

    /** One total per rate, highest rate first. */
    public static List<VatTotal> of(List<InvoiceLine> lines, Currency currency) {
        Map<BigDecimal, VatTotal> byRate = new TreeMap<>((a, b) -> b.compareTo(a));
        for (InvoiceLine line : lines) {
            byRate.merge(line.vatRate(), new VatTotal(line.vatRate(), line.net(), line.vat(), line.gross()),
                    (a, b) -> new VatTotal(a.rate, a.net.plus(b.net), a.vat.plus(b.vat), a.gross.plus(b.gross)));
        }
        return new ArrayList<>(byRate.values());
    }
}
