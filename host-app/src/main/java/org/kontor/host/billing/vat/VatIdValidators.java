package org.kontor.host.billing.vat;

import java.time.Clock;
import java.util.function.Supplier;
import org.kontor.api.tax.VatIdCheck;
import org.kontor.api.tax.VatIdValidator;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;

/**
 * The VAT id validator {@code billing.vat-id-validator} names: a running plugin's (e.g. {@code vies}) or the built-in
 * {@code offline} one. When the named validator is not running, every check answers UNAVAILABLE, so the buyer is
 * charged VAT as a consumer rather than wrongly zero-rated.
 */
public final class VatIdValidators implements VatIdValidator {

    private final Extensions extensions;
    private final Supplier<String> chosen;
    private final OfflineVatIdValidator offline;
    private final Clock clock;

    public VatIdValidators(Extensions extensions, Supplier<String> chosen, Clock clock) {
        this.extensions = extensions;
        this.chosen = chosen;
        this.offline = new OfflineVatIdValidator(clock);
        this.clock = clock;
    }

    @Override
    public String validatorId() {
        return chosen.get();
    }

    @Override
    public VatIdCheck validate(String countryCode, String vatId) {
        String id = chosen.get();
        if (offline.validatorId().equals(id)) {
            return offline.validate(countryCode, vatId);
        }
        for (Contribution<VatIdValidator> contribution : extensions.of(VatIdValidator.class)) {
            if (contribution.extension().validatorId().equals(id)) {
                try {
                    return contribution.extension().validate(countryCode, vatId);
                } catch (RuntimeException e) {
                    return VatIdCheck.unavailable(vatId, clock.instant());
                }
            }
        }
        return VatIdCheck.unavailable(vatId, clock.instant());
    }
}
