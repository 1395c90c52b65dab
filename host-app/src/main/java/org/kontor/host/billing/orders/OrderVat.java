package org.kontor.host.billing.orders;

import org.kontor.api.tax.VatIdCheck;
import org.kontor.api.tax.VatIdValidator;
import org.kontor.host.billing.Party;
import org.kontor.host.billing.profile.BillingProfiles;
import org.kontor.host.billing.vat.VatDecision;
import org.kontor.host.billing.vat.VatRules;
import org.kontor.host.orders.OrderTax;
import org.kontor.host.orders.OrderTaxes;

/**
 * The VAT of an order by the rules its invoice applies: the buyer as their billing profile names them, their VAT id
 * checked by the chosen validator. A customer the host does not know pays no VAT through this (there is no order then).
 */
public final class OrderVat implements OrderTaxes {

    private final BillingProfiles profiles;
    private final VatRules rules;
    private final VatIdValidator validator;

    public OrderVat(BillingProfiles profiles, VatRules rules, VatIdValidator validator) {
        this.profiles = profiles;
        this.rules = rules;
        this.validator = validator;
    }

    @Override
    public OrderTax taxFor(String customerId) {
        Party buyer = profiles.buyer(customerId).orElse(null);
        if (buyer == null) {
            return OrderTax.none();
        }
        VatIdCheck check = rules.needsVatIdCheck(buyer) ? validator.validate(buyer.countryCode(), buyer.vatId()) : null;
        VatDecision decision = rules.decide(buyer, check);
        return new OrderTax(decision.treatment().name(), decision.country(), decision.rate(),
                check == null ? "NONE" : check.status().name());
    }
}
