package org.kontor.host.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kontor.api.contact.PostalAddress;
import org.kontor.api.verification.AddressVerdict;

/** The built-in postal code verifier, country by country: valid codes, wrong ones, and those it writes anew. */
class PostalCodeFormatsTest {

    private static final Set<String> EU_EEA_AND_OTHERS = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI",
            "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            "IS", "LI", "NO", "CH", "GB", "US", "CA", "AU");

    private final PostalCodeFormats formats = new PostalCodeFormats();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "AT, 1010", "BE, 1000", "BG, 1000", "HR, 10000", "CY, 1010", "CZ, 110 00", "DK, 2100", "DK, 8000",
            "EE, 10111", "FI, 00100", "FR, 75001", "DE, 10115", "DE, 01067", "GR, 106 75", "HU, 1051",
            "IE, D02 X285", "IE, A65 F4E2", "IT, 00184", "LV, LV-1050", "LT, 01100", "LU, 1009", "MT, VLT 1117",
            "MT, SLM 1549", "NL, 1012 AB", "PL, 00-950", "PT, 1000-001", "RO, 010011", "SK, 811 01", "SI, 1000",
            "ES, 28001", "ES, 08001", "SE, 114 55", "IS, 101", "LI, 9490", "LI, 9485", "NO, 0150", "CH, 8001",
            "GB, SW1A 1AA", "GB, EC1A 1BB", "GB, M1 1AE", "GB, B33 8TH", "GB, CR2 6XH", "GB, DN55 1PT", "GB, W1A 0AX",
            "US, 94043", "US, 20500-0003", "CA, K1A 0B1", "CA, H3Z 2Y7", "AU, 2000", "AU, 0800", "JE, JE2 3AB",
            "AX, 22100", "MC, 98000", "JP, 100-0001", "BR, 01310-100"})
    void validCodes(String country, String code) {
        assertThat(formats.verify(address(country, code))).satisfies(verdict -> {
            assertThat(verdict.status()).as(verdict.problems().toString()).isEqualTo(AddressVerdict.Status.VALID);
            assertThat(verdict.problems()).isEmpty();
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "DK, 210", "DK, 21000", "DE, 1011", "DE, ABCDE", "AT, 0100", "NL, 1012", "NL, 0123 AB", "NL, 1012 SS",
            "PL, 0095", "PT, 0100-001", "SE, 014 55", "CZ, 910 00", "SK, 110 00", "GB, 12345", "GB, SW1A",
            "US, 9404", "US, 94043-12", "CA, D1A 0B1", "CA, 12345", "IE, 12345", "LI, 9500", "LI, 8000", "IS, 1010",
            "FR, 7500", "ES, 53001", "MT, 1234", "LV, 105", "IT, 0018", "BE, 0999", "CH, 0800", "NO, 12345",
            "AU, 200", "GR, 906 75", "RO, 01001"})
    void invalidCodes(String country, String code) {
        AddressVerdict verdict = formats.verify(address(country, code));
        assertThat(verdict.status()).isEqualTo(AddressVerdict.Status.INVALID);
        assertThat(verdict.problems()).singleElement().asString().startsWith("postalCode: ").contains(country);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "DK, dk-2100, 2100", "DK, DK 8000, 8000", "DE, D-10115, 10115", "DE, de-10115, 10115", "AT, A-1010, 1010",
            "CH, CH-8001, 8001", "FI, FIN-00100, 00100", "FR, F-75001, 75001", "FR, 75 001, 75001",
            "LU, L-1009, 1009", "SE, S-11455, 114 55", "SE, 11455, 114 55", "CZ, 11000, 110 00", "SK, 81101, 811 01",
            "NL, 1012ab, 1012 AB", "NL, 1012  ab, 1012 AB", "PL, 00950, 00-950", "PT, 1000001, 1000-001",
            "LV, 1050, LV-1050", "LV, lv 1050, LV-1050", "GB, sw1a1aa, SW1A 1AA", "GB, ec1a 1bb, EC1A 1BB",
            "CA, k1a0b1, K1A 0B1", "US, 205000003, 20500-0003", "IE, d02x285, D02 X285", "MT, vlt1117, VLT 1117",
            "NO, N-0150, 0150", "JP, 1000001, 100-0001"})
    void codesWrittenOtherwiseAreCorrected(String country, String given, String written) {
        AddressVerdict verdict = formats.verify(address(country, given));
        assertThat(verdict.status()).isEqualTo(AddressVerdict.Status.CORRECTED);
        assertThat(verdict.suggestion().postalCode()).isEqualTo(written);
        assertThat(verdict.suggestion().countryCode()).isEqualTo(country);
        assertThat(verdict.suggestion().street()).containsExactly("Hovedgaden 1");
        assertThat(formats.verify(address(country, written)).status()).as("the suggestion is valid itself")
                .isEqualTo(AddressVerdict.Status.VALID);
    }

    @Test
    void countriesWithoutPostalCodesTakeNone() {
        assertThat(formats.verify(PostalAddress.of("1 Queen's Road", null, "Hong Kong", "HK")).status())
                .isEqualTo(AddressVerdict.Status.VALID);
        AddressVerdict given = formats.verify(address("AE", "00000"));
        assertThat(given.status()).isEqualTo(AddressVerdict.Status.CORRECTED);
        assertThat(given.suggestion().postalCode()).isNull();
    }

    @Test
    void unknownCountriesAndMissingCodesAreUnknown() {
        assertThat(formats.verify(address("AQ", "12345")).status()).isEqualTo(AddressVerdict.Status.UNKNOWN);
        assertThat(formats.verify(PostalAddress.of("Hovedgaden 1", null, "By", "DK")).status())
                .isEqualTo(AddressVerdict.Status.UNKNOWN);
    }

    @Test
    void everyEuAndEeaCountryAndTheOthersNamedAreKnown() {
        for (String country : EU_EEA_AND_OTHERS) {
            assertThat(PostalCodeFormats.knows(country)).as(country).isTrue();
            assertThat(formats.verify(address(country, "?")).status()).as(country)
                    .isEqualTo(AddressVerdict.Status.INVALID);
        }
        assertThat(List.of(Locale.getISOCountries())).containsAll(EU_EEA_AND_OTHERS);
        assertThat(formats.verifierId()).isEqualTo("postal-code-format");
    }

    private static PostalAddress address(String country, String postalCode) {
        return PostalAddress.of("Hovedgaden 1", postalCode, "By", country);
    }
}
