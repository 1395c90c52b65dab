package org.kontor.host.billing.vat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.kontor.api.tax.VatIdStatus;

class VatIdFormatTest {

    @Test
    void acceptsWellFormedNumbersWithTheirCheckDigits() {
        assertThat(VatIdFormat.isWellFormed("DK", "DK13585628")).isTrue();
        assertThat(VatIdFormat.isWellFormed("DK", "13 58 56 28")).isTrue();
        assertThat(VatIdFormat.isWellFormed("DE", "DE136695976")).isTrue();
        assertThat(VatIdFormat.isWellFormed("CZ", "CZ25596641")).isTrue();
        assertThat(VatIdFormat.isWellFormed("CZ", "CZ6306150004")).as("a person's number: format only").isTrue();
        assertThat(VatIdFormat.isWellFormed("SK", "SK2020317068")).isTrue();
        assertThat(VatIdFormat.isWellFormed("NL", "NL123456789B01")).isTrue();
        assertThat(VatIdFormat.isWellFormed("GR", "EL123456789")).isTrue();
        assertThat(VatIdFormat.isWellFormed("AT", "ATU12345678")).isTrue();
    }

    @Test
    void refusesWrongCheckDigitsFormatsAndNonEuCountries() {
        assertThat(VatIdFormat.isWellFormed("DK", "DK13585629")).isFalse();
        assertThat(VatIdFormat.isWellFormed("DE", "DE136695977")).isFalse();
        assertThat(VatIdFormat.isWellFormed("CZ", "CZ25596642")).isFalse();
        assertThat(VatIdFormat.isWellFormed("SK", "SK2020317069")).isFalse();
        assertThat(VatIdFormat.isWellFormed("DE", "DE12345678")).isFalse();
        assertThat(VatIdFormat.isWellFormed("AT", "AT12345678")).isFalse();
        assertThat(VatIdFormat.isWellFormed("NO", "NO123456789")).isFalse();
    }

    @Test
    void theOfflineValidatorAnswersNormalisedNumbersWithoutAHolder() {
        Clock clock = Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);
        OfflineVatIdValidator validator = new OfflineVatIdValidator(clock);

        var valid = validator.validate("DE", "136 695 976");
        assertThat(valid.status()).isEqualTo(VatIdStatus.VALID);
        assertThat(valid.vatId()).isEqualTo("DE136695976");
        assertThat(valid.holder()).isEmpty();
        assertThat(validator.validate("CZ", "CZ25596642").status()).isEqualTo(VatIdStatus.INVALID);
    }
}
