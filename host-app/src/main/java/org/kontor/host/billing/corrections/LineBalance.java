package org.kontor.host.billing.corrections;

import java.math.BigDecimal;
import org.kontor.api.money.Money;

/** A line of an issued document with how much of it credit notes have credited so far (positive amounts). */
public record LineBalance(int position, String description, BigDecimal quantity, Money unitPrice, BigDecimal vatRate,
                          Money net, Money vat, Money creditedNet, Money creditedVat) {

    public Money remainingNet() {
        return net.minus(creditedNet);
    }

    public Money remainingVat() {
        return vat.minus(creditedVat);
    }
}
