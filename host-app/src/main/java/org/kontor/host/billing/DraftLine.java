package org.kontor.host.billing;

import java.math.BigDecimal;
import java.util.Objects;
import org.kontor.api.money.Money;

/**
 * A line as drafted: what, how many and the net unit price.
 *
 * @param vatRate  a rate of its own in percent, or null for the rate the VAT rules give the document at issue
 * @param fixedVat the line's VAT as already determined elsewhere (a draw from a prepaid account, an advance deducted
 *                 on a settlement: the figures the earlier document printed), or null to compute it at issue
 */
public record DraftLine(String description, BigDecimal quantity, Money unitPrice, BigDecimal vatRate, Money fixedVat) {

    public DraftLine(String description, BigDecimal quantity, Money unitPrice, BigDecimal vatRate) {
        this(description, quantity, unitPrice, vatRate, null);
    }

    public DraftLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (description.isBlank()) {
            throw new IllegalArgumentException("description: is required");
        }
        if (quantity.signum() == 0) {
            throw new IllegalArgumentException("quantity: must not be zero");
        }
        if (fixedVat != null && (vatRate == null || !fixedVat.currency().equals(unitPrice.currency()))) {
            throw new IllegalArgumentException("fixedVat: needs the line's own rate and the line's currency");
        }
    }

    public static DraftLine of(String description, String quantity, Money unitPrice) {
        return new DraftLine(description, new BigDecimal(quantity), unitPrice, null);
    }
}
