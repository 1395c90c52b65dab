package org.kontor.api.tax;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A VAT id check's answer.
 *
 * @param vatId         the number as checked, normalised: country prefix, no spaces or dots (e.g. {@code DE123456789})
 * @param holderName    the registered holder's name when the service tells it, else null
 * @param holderAddress the registered holder's address when the service tells it, else null
 * @param reference     the service's consultation reference (VIES gives one as proof of the check), else null
 * @param checkedAt     when the check was made
 * @since 1.3.0
 */
public record VatIdCheck(VatIdStatus status, String vatId, String holderName, String holderAddress, String reference,
                         Instant checkedAt) {

    public VatIdCheck {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(vatId, "vatId");
        Objects.requireNonNull(checkedAt, "checkedAt");
    }

    public static VatIdCheck valid(String vatId, String holderName, Instant checkedAt) {
        return new VatIdCheck(VatIdStatus.VALID, vatId, holderName, null, null, checkedAt);
    }

    public static VatIdCheck invalid(String vatId, Instant checkedAt) {
        return new VatIdCheck(VatIdStatus.INVALID, vatId, null, null, null, checkedAt);
    }

    public static VatIdCheck unavailable(String vatId, Instant checkedAt) {
        return new VatIdCheck(VatIdStatus.UNAVAILABLE, vatId, null, null, null, checkedAt);
    }

    public boolean isValid() {
        return status == VatIdStatus.VALID;
    }

    public Optional<String> holder() {
        return Optional.ofNullable(holderName);
    }
}
