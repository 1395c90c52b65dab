package org.kontor.host.billing.corrections;

import java.math.BigDecimal;
import org.kontor.api.money.Money;

/**
 * What a partial credit note credits of one line of the corrected document: a quantity at the line's unit price, or a
 * net amount. Exactly one of the two is given, positive.
 *
 * @param position the line's position on the corrected document (1-based)
 */
public record CreditLine(int position, BigDecimal quantity, Money amount) {

    public static CreditLine quantity(int position, String quantity) {
        return new CreditLine(position, new BigDecimal(quantity), null);
    }

    public static CreditLine amount(int position, Money amount) {
        return new CreditLine(position, null, amount);
    }
}
