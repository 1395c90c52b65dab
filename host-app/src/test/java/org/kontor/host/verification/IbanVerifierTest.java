package org.kontor.host.verification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kontor.api.verification.BankAccountVerdict;

/** The built-in IBAN/BIC verifier: check digits, national formats, BIC form and the BIC's country. */
class IbanVerifierTest {

    private final IbanVerifier verifier = new IbanVerifier();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "DE89 3704 0044 0532 0130 00, COBADEFFXXX, DE89370400440532013000, DE",
            "GB29 NWBK 6016 1331 9268 19, NWBKGB2L, GB29NWBK60161331926819, GB",
            "DK50 0040 0440 1162 43, DABADKKK, DK5000400440116243, DK",
            "fr14 2004 1010 0505 0001 3m02 606, , FR1420041010050500013M02606, FR",
            "NL91ABNA0417164300, ABNANL2A, NL91ABNA0417164300, NL",
            "CZ65 0800 0000 1920 0014 5399, GIBACZPX, CZ6508000000192000145399, CZ",
            "SK31 1200 0000 1987 4263 7541, SUBASKBX, SK3112000000198742637541, SK",
            "AT61 1904 3002 3457 3201, , AT611904300234573201, AT",
            "CH93 0076 2011 6238 5295 7, UBSWCHZH80A, CH9300762011623852957, CH",
            "NO93 8601 1117 947, DNBANOKK, NO9386011117947, NO",
            "BE68 5390 0754 7034, , BE68539007547034, BE",
            "GB29 NWBK 6016 1331 9268 19, RBOSGGSX, GB29NWBK60161331926819, GB"})
    void validAccounts(String iban, String bic, String electronic, String country) {
        BankAccountVerdict verdict = verifier.verify(iban, bic);
        assertThat(verdict.valid()).as(verdict.problems().toString()).isTrue();
        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.iban()).isEqualTo(electronic);
        assertThat(verdict.country()).isEqualTo(country);
        assertThat(verdict.bic()).isEqualTo(bic == null ? null : bic.toUpperCase());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "DE88370400440532013000, iban-check-digits",
            "GB28NWBK60161331926819, iban-check-digits",
            "DK5000400440116244, iban-check-digits",
            "DE8937040044053201300, iban-invalid",
            "NL91ABNA041716430X, iban-invalid",
            "US64SVBKUS6S3300958879, iban-country",
            "'', iban-required"})
    void wrongIbans(String iban, String code) {
        BankAccountVerdict verdict = verifier.verify(iban, null);
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.iban()).isNull();
        assertThat(verdict.problems()).singleElement().asString().startsWith(code + ": ");
        assertThat(BankAccountChecks.code(verdict.problems().get(0))).isEqualTo(code);
    }

    @Test
    void aBicOfAnotherCountryThanTheIbanIsRefused() {
        BankAccountVerdict verdict = verifier.verify("DE89370400440532013000", "NWBKGB2L");
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.iban()).isEqualTo("DE89370400440532013000");
        assertThat(verdict.bic()).isEqualTo("NWBKGB2L");
        assertThat(verdict.problems()).singleElement().asString()
                .isEqualTo("bic-country: the BIC NWBKGB2L is of a bank in GB, the IBAN of an account in DE");
    }

    @Test
    void aMalformedBicIsRefused() {
        BankAccountVerdict verdict = verifier.verify("DE89370400440532013000", "DEUT12");
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.problems()).singleElement().asString().startsWith("bic-invalid: ");
        assertThat(verifier.verify("DE88370400440532013000", "XXXX").problems())
                .as("both problems are named").hasSize(2);
        assertThat(verifier.verifierId()).isEqualTo("iban");
    }
}
