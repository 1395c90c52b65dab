package org.kontor.host.billing.vat;

import java.time.Clock;
import org.kontor.api.tax.VatIdCheck;
import org.kontor.api.tax.VatIdValidator;

/**
 * Checks format and check digits only, without asking VIES: for tests, the demo and installations that have no VIES
 * access. It never knows the holder's name and takes a well-formed number for a registered one, so a production
 * installation selling to businesses in other EU countries should use a VIES validator.
 */
public final class OfflineVatIdValidator implements VatIdValidator {

    private final Clock clock;

    public OfflineVatIdValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String validatorId() {
        return "offline";
    }

    @Override
    public VatIdCheck validate(String countryCode, String vatId) {
        String normalised = VatIdFormat.normalise(countryCode, vatId).orElse(vatId);
        return VatIdFormat.isWellFormed(countryCode, vatId)
                ? VatIdCheck.valid(normalised, null, clock.instant())
                : VatIdCheck.invalid(normalised, clock.instant());
    }
}
